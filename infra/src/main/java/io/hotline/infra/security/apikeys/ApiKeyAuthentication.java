package io.hotline.infra.security.apikeys;

import io.hotline.command.open311.ApiClient;
import io.hotline.command.open311.ReportingApps;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/** The intake's {@link ReportingApps}: the API keys administrators issued, and each key's rate limit. */
class ApiKeyAuthentication implements ReportingApps {

    private final ApiKeys keys;
    private final RateLimits limits;

    ApiKeyAuthentication(ApiKeys keys, RateLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    @Override
    public Mono<Optional<ApiClient>> verify(String apiKey) {
        return keys.verify(apiKey);
    }

    @Override
    public Optional<Duration> take(String keyId) {
        return limits.take(keyId);
    }
}
