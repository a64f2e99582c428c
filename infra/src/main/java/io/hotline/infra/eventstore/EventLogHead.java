package io.hotline.infra.eventstore;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Writes the event log's head hint a few times a second instead of on every append (see the engine). */
@Component
class EventLogHead {

    private final EventStorageEngine engine;

    EventLogHead(EventStorageEngine engine) {
        this.engine = engine;
    }

    @Scheduled(fixedDelayString = "${app.eventstore.head-flush:PT0.25S}")
    @PreDestroy
    void flush() {
        if (engine instanceof MongoCommitLogStorageEngine log) {
            log.flushHead();
        }
    }
}
