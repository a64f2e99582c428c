package io.hotline.scaleout;

import io.hotline.infra.eventstore.CommitWrites;
import io.hotline.infra.eventstore.StallingCommitWrites;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.List;

/**
 * Makes a test node a slow writer: its commits go through {@link StallingCommitWrites}. A node started with
 * {@code --spring.main.sources=io.hotline.scaleout.SlowWriter --slow-writer.every=3 --slow-writer.stall=PT0.8S}
 * loads this beside the application; nothing in the application itself knows about it.
 */
@Configuration(proxyBeanMethods = false)
public class SlowWriter {

    /** The arguments that turn a node into a slow writer stalling every {@code every}-th commit for {@code stall}. */
    static List<String> arguments(int every, Duration stall) {
        return List.of("--spring.main.sources=" + SlowWriter.class.getName(),
                "--slow-writer.every=" + every, "--slow-writer.stall=" + stall);
    }

    @Bean
    static BeanPostProcessor stallingCommitWrites(Environment environment) {
        int every = environment.getRequiredProperty("slow-writer.every", Integer.class);
        Duration stall = Duration.parse(environment.getRequiredProperty("slow-writer.stall"));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof CommitWrites writes ? StallingCommitWrites.around(writes, every, stall) : bean;
            }
        };
    }
}
