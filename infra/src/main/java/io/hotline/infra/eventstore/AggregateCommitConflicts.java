package io.hotline.infra.eventstore;

import com.mongodb.MongoWriteException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/** Recognises the unique-index violation on {@code (aggregateId, firstSeq)}: a concurrent modification of a case. */
final class AggregateCommitConflicts implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return exception instanceof MongoWriteException write && CommitLog.isAggregateConflict(write);
    }
}
