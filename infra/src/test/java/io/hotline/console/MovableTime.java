package io.hotline.console;

import io.hotline.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Instant;

/** The app's clock for a browser test that moves time forward (to make cases overdue): {@code @Import} it. */
@TestConfiguration(proxyBeanMethods = false)
class MovableTime {

    @Bean
    @Primary
    MutableClock movableClock() {
        return new MutableClock(Instant.now());
    }
}
