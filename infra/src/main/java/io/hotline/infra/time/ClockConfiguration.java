package io.hotline.infra.time;

import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Time is a dependency: everything that needs "now" takes this clock, and tests replace it.
 * <p>
 * {@code app.clock.offset} (a duration, default zero) shifts this node's clock, to show what a node whose clock
 * drifted does to the others (the scale-out failure tests run one node 5 s behind). It shifts both the times
 * the case writes into its events and the timestamps Axon puts on every event message, since a real drifted
 * node gets both wrong. Never set it in production: real nodes keep their clocks in sync with NTP.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(@Value("${app.clock.offset:PT0S}") Duration offset) {
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        Clock shifted = Clock.offset(Clock.systemUTC(), offset);
        GenericEventMessage.clock = shifted;
        log.warn("This node's clock is shifted by {} (app.clock.offset): for failure tests only", offset);
        return shifted;
    }
}
