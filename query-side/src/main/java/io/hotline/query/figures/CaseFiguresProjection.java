package io.hotline.query.figures;

import io.hotline.query.figures.ledger.FiguresLedger;
import io.hotline.query.figures.facts.LevelFacts;
import io.hotline.query.figures.facts.WorkingTime;
import io.hotline.kernel.cases.CaseDispatchedDown;
import io.hotline.kernel.cases.CaseTakenBack;
import io.hotline.kernel.cases.ObjectionOverruled;
import io.hotline.kernel.cases.ReplyApproved;
import io.hotline.kernel.cases.ReplyReturned;
import io.hotline.kernel.cases.ReplySubmittedForReview;
import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseMerged;
import io.hotline.kernel.cases.CaseRedirected;
import io.hotline.kernel.cases.CaseRedispatched;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseReopened;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.CaseTransferred;
import io.hotline.kernel.cases.CaseWithdrawn;
import io.hotline.kernel.cases.DeadlineMissed;
import io.hotline.kernel.cases.ExtensionApproved;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.cases.JurisdictionObjected;
import io.hotline.kernel.cases.LeadUnitDesignated;
import io.hotline.kernel.cases.MaterialsRequested;
import io.hotline.kernel.units.UnitEstablished;
import io.hotline.kernel.units.UnitMoved;
import io.hotline.query.readmodel.ProjectionBatch;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.List;

/**
 * Keeps one generation of the timeliness and satisfaction figures from the case events. Each handler hands its
 * event to the {@link FiguresLedger}, which keeps one facts document per case and the pre-aggregated buckets.
 * Events that change no figure (progress notes, warnings, urging, supervision, extension requests and
 * rejections, linked repeats) are not handled. The directory's units and moves are: the ledger keeps its own copy
 * of the unit tree, so each case's cells also reach the subtree buckets of their unit's ancestors.
 * <p>
 * A plain class: {@link FigureProjections} makes one per generation of the {@code case-figures} read model and
 * its processor feeds it (the live one and, during a rebuild, the next one filling empty collections from the
 * start of the log); tests call it directly. Fed by a processor, it books each batch in a {@link
 * io.hotline.query.figures.ledger.FigureBatch}, stored once at the batch's end.
 */
class CaseFiguresProjection implements ProjectionBatch {

    private final FiguresLedger ledger;
    private final WorkingTime workingTime;
    private final ProjectionBatch batch;

    /** Books every event as it comes (tests). */
    CaseFiguresProjection(FiguresLedger ledger, WorkingTime workingTime) {
        this(ledger, workingTime, null);
    }

    /** Books a processor batch's events in {@code batch}, which the ledger writes through, and stores them at once. */
    CaseFiguresProjection(FiguresLedger ledger, WorkingTime workingTime, ProjectionBatch batch) {
        this.ledger = ledger;
        this.workingTime = workingTime;
        this.batch = batch;
    }

    @Override
    public void begin(List<? extends EventMessage<?>> events) {
        if (batch != null) {
            batch.begin(events);
        }
    }

    @Override
    public void next(EventMessage<?> event) {
        if (batch != null) {
            batch.next(event);
        }
    }

    @Override
    public void flush() {
        if (batch != null) {
            batch.flush();
        }
    }

    @Override
    public void discard() {
        if (batch != null) {
            batch.discard();
        }
    }

    @EventHandler
    void on(CaseRegistered event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseDispatched event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseTransferred event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseRedispatched event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(LeadUnitDesignated event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(JurisdictionObjected event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseSignedFor event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(DeadlineMissed event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(ExtensionApproved event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(MaterialsRequested event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseReplied event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event, workingTime));
    }

    @EventHandler
    void on(FeedbackRecorded event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseReopened event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseResolvedAtIntake event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseRedirected event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseMerged event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseWithdrawn event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    @EventHandler
    void on(CaseClosed event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> facts.on(event));
    }

    /** The directory's tree, followed in log order: a case meets its units under the tree of that moment. */
    @EventHandler
    void on(UnitEstablished event) {
        ledger.place(event.unit().code(), event.unit().parent());
    }

    @EventHandler
    void on(UnitMoved event) {
        ledger.place(event.code(), event.parent());
    }

    @EventHandler
    void on(CaseDispatchedDown event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> LevelFacts.on(facts, event));
    }

    @EventHandler
    void on(CaseTakenBack event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> LevelFacts.on(facts, event));
    }

    @EventHandler
    void on(ObjectionOverruled event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> LevelFacts.on(facts, event));
    }

    @EventHandler
    void on(ReplySubmittedForReview event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> LevelFacts.on(facts, event));
    }

    @EventHandler
    void on(ReplyApproved event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> LevelFacts.on(facts, event));
    }

    @EventHandler
    void on(ReplyReturned event, @SequenceNumber long sequence) {
        ledger.book(event.caseId(), sequence, facts -> LevelFacts.on(facts, event));
    }
}
