package io.hotline.infra.deadlines;

import io.hotline.infra.roles.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Duration;

/** The watch sends commands to cases, so it runs on nodes that run the command side. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeadlineWatchConfiguration {

    @Bean
    @Conditional(Roles.CommandRole.class)
    DeadlineWatch deadlineWatch(DeadlineBuckets buckets, DeadlineWatchState state, CommandGateway commands,
                                Clock clock, @Value("${app.deadlines.lease:PT30S}") Duration lease) {
        return new DeadlineWatch(buckets, state, commands, clock, lease);
    }
}
