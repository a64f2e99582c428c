package io.hotline;

import io.hotline.infra.mongo.StandaloneStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/**
 * The one deployable. Which sides it runs is the setting {@code app.sides} (default {@code command,query}); see
 * {@link io.hotline.infra.sides.NodeSides}. With {@code store} as its first argument it runs only the embedded
 * MongoDB-compatible store, as a server several nodes share ({@link StandaloneStore}); no Spring context starts.
 */
@SpringBootApplication(scanBasePackages = "io.hotline.infra")
public class HotlineApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "store".equals(args[0])) {
            StandaloneStore.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // The hotline runs in closed government networks: never phone home for update checks.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(HotlineApplication.class, args);
    }
}
