package io.hotline.query.open311;

import reactor.core.publisher.Mono;

/**
 * What the event log says of a case, for an app reading right after it filed: the log holds a registration the
 * Open311 read model may not show yet (it follows the log a few milliseconds behind). Declared here, implemented by
 * the platform over the log.
 */
public interface Registrations {

    /** Whether the log holds the registration of this case through Open311. */
    Mono<Boolean> filedThroughOpen311(String caseId);
}
