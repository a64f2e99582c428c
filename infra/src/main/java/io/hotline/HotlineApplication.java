package io.hotline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one deployable. Which sides it runs is the setting {@code app.roles} (default {@code command,query}); see
 * {@link io.hotline.infra.roles.Roles}.
 */
@SpringBootApplication(scanBasePackages = "io.hotline.infra")
public class HotlineApplication {

    public static void main(String[] args) {
        // The hotline runs in closed government networks: never phone home for update checks.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(HotlineApplication.class, args);
    }
}
