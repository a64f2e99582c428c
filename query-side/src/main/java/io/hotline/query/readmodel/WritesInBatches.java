package io.hotline.query.readmodel;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * A projection whose every write goes through its {@link BatchedWrites}: a processor batch's writes are stored
 * together when the batch ends (see {@link BatchBoundary}).
 */
public interface WritesInBatches extends ProjectionBatch {

    /** Where this projection's writes go. */
    BatchedWrites writes();

    @Override
    default void begin(List<? extends EventMessage<?>> events) {
        writes().begin();
    }

    @Override
    default void flush() {
        writes().flush();
    }

    @Override
    default void discard() {
        writes().discard();
    }
}
