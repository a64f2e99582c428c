package io.hotline.query.caseview;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Node-local notifications from the live projection to waiting readers: a case reached a version (wakes
 * read-your-write waits), a unit's inbox changed (live inbox streams re-send). Best effort by design: a reader
 * that misses one still polls or refreshes, and other nodes' projections are seen the same way.
 */
@Component
public class LiveChanges {

    /** A case view stored at this version. */
    public record CaseVersion(String caseId, long version) {
    }

    private final Sinks.Many<CaseVersion> cases = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<String> inboxes = Sinks.many().multicast().directBestEffort();

    public Flux<CaseVersion> cases() {
        return cases.asFlux();
    }

    public Flux<String> inboxes() {
        return inboxes.asFlux();
    }

    /** The live projection stored a case at this version. */
    public synchronized void caseStored(String caseId, long version) {
        cases.tryEmitNext(new CaseVersion(caseId, version));
    }

    /** The live projection changed this unit's inbox. */
    public synchronized void inboxChanged(String unit) {
        inboxes.tryEmitNext(unit);
    }
}
