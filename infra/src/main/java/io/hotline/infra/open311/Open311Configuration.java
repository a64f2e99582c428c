package io.hotline.infra.open311;

import io.hotline.command.policy.ConfiguredDispatchCatalogue;
import io.hotline.infra.roles.Roles;
import io.hotline.query.caseview.CaseLookup;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The Open311 GeoReport v2 endpoint: its settings, the API keys and their rate limits, our request types as
 * services, and the reads. The dispatch catalogue is read from {@code app.policy.dispatch.catalogue} directly,
 * not from the command side's bean, so a query-only node lists the same services.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Open311Settings.class)
class Open311Configuration {

    @Bean
    ServiceCatalogue open311Services(Environment environment, Open311Settings settings) {
        List<ConfiguredDispatchCatalogue.Entry> entries = Binder.get(environment)
                .bind("app.policy.dispatch.catalogue", Bindable.listOf(ConfiguredDispatchCatalogue.Entry.class))
                .orElse(List.of());
        return new ServiceCatalogue(entries, settings.defaultArea());
    }

    @Bean
    ApiKeys open311Keys(ReactiveMongoTemplate mongo, Clock clock) {
        return new ApiKeys(mongo, clock);
    }

    @Bean
    RateLimits open311RateLimits(Open311Settings settings) {
        return new RateLimits(settings.requestsPerMinute());
    }

    @Bean
    @Conditional(Roles.QueryRole.class)
    ServiceRequests open311Requests(ReactiveMongoTemplate mongo, ReadModelGenerations generations, CaseLookup cases,
                                    @Value("${app.zone:Asia/Shanghai}") ZoneId zone) {
        return new ServiceRequests(mongo, generations, cases, zone);
    }
}
