package io.hotline.infra.eventstore;

import jakarta.annotation.PreDestroy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the event log's head hint and the cases' heads a few times a second instead of on every append (see
 * {@link CommitLog} and {@link CaseHeads}).
 */
@Component
class EventLogHead {

    private final CommitLog log;

    EventLogHead(CommitLog log) {
        this.log = log;
    }

    @Scheduled(fixedDelayString = "${app.eventstore.head-flush:PT0.25S}")
    @PreDestroy
    void flush() {
        log.flushHead();
        log.caseHeads().flush();
    }
}
