package io.hotline.command.open311;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * The reporting apps allowed to file requests, as the intake asks about them: which app an API key belongs to,
 * and whether that app may file one more request now. The intake declares this port and the platform implements
 * it (the issued keys and their rate limits), since authenticating client apps is the platform's job, not the
 * intake's.
 */
public interface ReportingApps {

    /** The app a key belongs to, if the key is well-formed, known, its secret right and not revoked. */
    Mono<Optional<ApiClient>> verify(String apiKey);

    /** Takes one request from the app's allowance: empty when granted, else how long until the next one is. */
    Optional<Duration> take(String keyId);
}
