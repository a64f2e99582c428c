package io.hotline.infra.eventstore;

import io.hotline.command.units.StreamHeads;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.OptionalLong;

/**
 * The command side's {@link StreamHeads} port from the log's acknowledged heads ({@link CaseHeads}: one keyed read,
 * with this node's unflushed notes), so a node polling the unit directory reads its stream only when it grew. A store
 * without heads answers nothing, and the poll then reads the stream each time.
 */
@Configuration(proxyBeanMethods = false)
class StreamHeadsConfiguration {

    @Bean
    StreamHeads streamHeads(EventStorageEngine storageEngine) {
        if (storageEngine instanceof MongoCommitLogStorageEngine engine) {
            return aggregateId -> engine.lastAcknowledgedSequenceNumber(aggregateId)
                    .map(OptionalLong::of).orElseGet(OptionalLong::empty);
        }
        return null;
    }
}
