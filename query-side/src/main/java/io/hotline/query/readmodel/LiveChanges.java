package io.hotline.query.readmodel;

import io.hotline.query.projection.ViewChanges;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.Set;
import java.util.function.BooleanSupplier;

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

    /** What a projection of one generation reports: nothing while that generation is not the live one. */
    public ViewChanges whileLive(BooleanSupplier live) {
        return new ViewChanges() {
            @Override
            public void caseChanged(String caseId, long version) {
                if (live.getAsBoolean()) {
                    emitCase(new CaseVersion(caseId, version));
                }
            }

            @Override
            public void inboxesChanged(Set<String> units) {
                if (live.getAsBoolean()) {
                    units.forEach(LiveChanges.this::emitInbox);
                }
            }
        };
    }

    private synchronized void emitCase(CaseVersion version) {
        cases.tryEmitNext(version);
    }

    private synchronized void emitInbox(String unit) {
        inboxes.tryEmitNext(unit);
    }
}
