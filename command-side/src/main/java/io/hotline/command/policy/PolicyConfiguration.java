package io.hotline.command.policy;

import io.hotline.kernel.time.WorkingCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    @Bean
    DispatchCatalogue dispatchCatalogue(PolicyProperties properties) {
        return properties.dispatch().toCatalogue();
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
