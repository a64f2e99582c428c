package io.hotline.infra.security.apikeys;

import io.hotline.command.open311.ReportingApps;
import io.hotline.kernel.open311.Open311Settings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Clock;

/**
 * The API keys of the Open311 reporting apps and their rate limits: the platform authenticates client apps, and
 * the Open311 intake asks it through its {@link ReportingApps} port. Also binds the endpoint's settings
 * ({@code app.open311.*}) once for every node, since the intake and the read side both read them and neither
 * side may own what the other needs.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeysConfiguration {

    @Bean
    Open311Settings open311Settings(Environment environment) {
        return Binder.get(environment).bind("app.open311", Open311Settings.class)
                .orElseGet(Open311Settings::defaults);
    }

    @Bean
    ApiKeys open311Keys(ReactiveMongoTemplate mongo, Clock clock) {
        return new ApiKeys(mongo, clock);
    }

    @Bean
    ReportingApps open311ReportingApps(ApiKeys keys, Open311Settings settings) {
        return new ApiKeyAuthentication(keys, new RateLimits(settings.requestsPerMinute()));
    }
}
