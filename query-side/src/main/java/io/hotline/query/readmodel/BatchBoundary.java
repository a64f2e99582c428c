package io.hotline.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;

/**
 * Marks a tracking processor's batches for a {@link ProjectionBatch}. The processor handles a batch in one
 * {@link BatchingUnitOfWork}, calling this interceptor once per event. On the first event the projection
 * {@linkplain ProjectionBatch#begin begins} the batch (and a rollback of the unit of work discards it); after
 * the last event has been handled, still inside the handling of that event, the projection
 * {@linkplain ProjectionBatch#flush flushes}. That is before the unit of work commits, hence before the
 * processor's prepare-commit step stores the batch's token: the token never moves past a change that is not
 * stored, and a failing flush fails the batch, which the processor then retries from its last token.
 */
public final class BatchBoundary implements MessageHandlerInterceptor<EventMessage<?>> {

    private final ProjectionBatch projection;

    public BatchBoundary(ProjectionBatch projection) {
        this.projection = projection;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        BatchingUnitOfWork<? extends EventMessage<?>> batch =
                unitOfWork instanceof BatchingUnitOfWork<? extends EventMessage<?>> batching ? batching : null;
        if (batch == null || batch.isFirstMessage()) {
            List<? extends EventMessage<?>> events = batch == null ? List.of(unitOfWork.getMessage()) : batch.getMessages();
            projection.begin(events);
            unitOfWork.onRollback(failed -> projection.discard());
        }
        projection.next(unitOfWork.getMessage());
        Object result = chain.proceed();
        if (batch == null || batch.isLastMessage()) {
            projection.flush();
        }
        return result;
    }
}
