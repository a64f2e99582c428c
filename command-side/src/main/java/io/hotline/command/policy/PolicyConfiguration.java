package io.hotline.command.policy;

import io.hotline.kernel.time.WorkingCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Builds the named policies the case aggregate consults from {@link PolicyProperties}. The
 * {@link WorkingCalendar} comes from the infrastructure, because the query side measures handling time with
 * the same calendar.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
class PolicyConfiguration {

    @Bean
    ServiceLevelPolicy serviceLevelPolicy(PolicyProperties properties) {
        return properties.serviceLevels().toPolicy();
    }

    @Bean
    DeadlinePolicy deadlinePolicy(ServiceLevelPolicy serviceLevels, WorkingCalendar calendar,
                                  PolicyProperties properties) {
        return new WorkingTimeDeadlinePolicy(serviceLevels, calendar, properties.serviceLevels().warningShare());
    }

    /**
     * The catalogue checks its units against the unit directory where the command side keeps one (its
     * {@code UnitTree}); without it the entries stand as written.
     */
    @Bean
    ConfiguredDispatchCatalogue dispatchCatalogue(PolicyProperties properties,
                                                  ObjectProvider<UnitDirectoryLookup> directory, Clock clock,
                                                  ZoneId zone) {
        return properties.dispatch().toCatalogue(directory.getIfAvailable(() -> UnitDirectoryLookup.NONE), clock, zone);
    }

    @Bean
    SatisfactionScale satisfactionScale(PolicyProperties properties) {
        return properties.satisfaction().toScale();
    }

    @Bean
    EvaluationPolicy evaluationPolicy(PolicyProperties properties) {
        return properties.evaluation().toPolicy();
    }
}
