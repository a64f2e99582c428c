package io.hotline.query.projection;

import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseDispatchedDown;
import io.hotline.kernel.cases.CaseTakenBack;
import io.hotline.kernel.cases.ObjectionOverruled;
import io.hotline.kernel.cases.ReplyApproved;
import io.hotline.kernel.cases.ReplyReturned;
import io.hotline.kernel.cases.ReplySubmittedForReview;
import io.hotline.kernel.cases.CaseMerged;
import io.hotline.kernel.cases.CaseRedirected;
import io.hotline.kernel.cases.CaseRedispatched;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseReopened;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.CaseTransferred;
import io.hotline.kernel.cases.CaseUrged;
import io.hotline.kernel.cases.CaseWithdrawn;
import io.hotline.kernel.cases.DeadlineMissed;
import io.hotline.kernel.cases.DeadlineWarningRaised;
import io.hotline.kernel.cases.ExtensionApproved;
import io.hotline.kernel.cases.ExtensionRejected;
import io.hotline.kernel.cases.ExtensionRequested;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.cases.JurisdictionObjected;
import io.hotline.kernel.cases.LeadUnitDesignated;
import io.hotline.kernel.cases.MaterialsRequested;
import io.hotline.kernel.cases.PersonalDataErased;
import io.hotline.kernel.citizen.CitizenNotified;
import io.hotline.kernel.citizen.CitizenOptedIn;
import io.hotline.kernel.citizen.CitizenOptedOut;
import io.hotline.kernel.cases.ProgressRecorded;
import io.hotline.kernel.cases.RepeatedRequestLinked;
import io.hotline.kernel.cases.SupervisionStarted;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.CaseViewEvents;
import io.hotline.query.caseview.CaseViewLevels;
import io.hotline.query.caseview.CitizenView;
import io.hotline.query.inbox.Inbox;
import io.hotline.query.inbox.InboxEntry;
import io.hotline.query.inbox.InboxMembership;
import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.readmodel.ProjectionBatch;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps one generation of the case read model current: the {@link CaseView} of every case and the
 * {@link Inbox} of every unit. A plain class: the read-model processors create one per generation (the live
 * one and, during a rebuild, the next one) and feed it events; tests call it directly.
 *
 * <h2>Idempotent under redelivery and replay</h2>
 * Each case view keeps the sequence number of the last event applied, and an event at or below it changes
 * nothing. The inboxes are derived from the case view before and after the event and written first; the
 * case view is written last and is the commit mark. If the node dies in between, the redelivered event finds
 * the old case view, computes the same inbox changes again (which are then no-ops) and stores the view.
 *
 * <h2>One write per document per processor batch</h2>
 * Fed by a tracking processor, the projection is a {@link ProjectionBatch}: the batch's case views are read in
 * one lookup, its events applied in memory in log order (so one case's events in order), and each touched
 * inbox, then each touched case view, stored once before the batch's token (see {@link WriteBehindViewStore}
 * for why a flush cut short is finished by the retry). Readers hear of the changes only after they are stored.
 * Fed by hand, outside a batch, it stores each event's changes as it applies them.
 */
public class CaseViewProjection implements ProjectionBatch {

    private static final Logger log = LoggerFactory.getLogger(CaseViewProjection.class);

    private final WriteBehindViewStore store;
    private final PhoneHasher phones;
    private final ViewChanges changes;
    /** The open batch's changed cases (their newest version) and inboxes, told to readers after its flush. */
    private final Map<String, Long> changedCases = new LinkedHashMap<>();
    private final Set<String> changedInboxes = new LinkedHashSet<>();

    public CaseViewProjection(ViewStore store, PhoneHasher phones, ViewChanges changes) {
        this.store = new WriteBehindViewStore(store);
        this.phones = phones;
        this.changes = changes;
    }

    @Override
    public void begin(List<? extends EventMessage<?>> events) {
        forgetChanges();
        store.begin(ProjectionBatch.aggregates(events));
    }

    @Override
    public void flush() {
        try {
            store.flush();
        } catch (RuntimeException e) {
            forgetChanges();
            throw e;
        }
        changedCases.forEach(changes::caseChanged);
        if (!changedInboxes.isEmpty()) {
            changes.inboxesChanged(Set.copyOf(changedInboxes));
        }
        forgetChanges();
    }

    @Override
    public void discard() {
        store.discard();
        forgetChanges();
    }

    private void forgetChanges() {
        changedCases.clear();
        changedInboxes.clear();
    }

    @EventHandler
    public void on(CaseRegistered event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.registeredAt(),
                view -> CaseViewEvents.on(view, event, CitizenView.of(event.citizen(), phones)));
    }

    @EventHandler
    public void on(PersonalDataErased event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CitizenNotified event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CitizenOptedOut event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.optedOut(view, true));
    }

    @EventHandler
    public void on(CitizenOptedIn event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.optedOut(view, false));
    }

    @EventHandler
    public void on(CaseResolvedAtIntake event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseRedirected event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseMerged event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(RepeatedRequestLinked event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseDispatched event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseSignedFor event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(JurisdictionObjected event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseRedispatched event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(LeadUnitDesignated event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseTransferred event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseDispatchedDown event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewLevels.on(view, event));
    }

    @EventHandler
    public void on(CaseTakenBack event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewLevels.on(view, event));
    }

    @EventHandler
    public void on(ObjectionOverruled event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewLevels.on(view, event));
    }

    @EventHandler
    public void on(ReplySubmittedForReview event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewLevels.on(view, event));
    }

    @EventHandler
    public void on(ReplyReturned event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewLevels.on(view, event));
    }

    @EventHandler
    public void on(ReplyApproved event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewLevels.on(view, event));
    }

    @EventHandler
    public void on(ProgressRecorded event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(MaterialsRequested event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(ExtensionRequested event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(ExtensionApproved event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(ExtensionRejected event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseReplied event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(FeedbackRecorded event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseReopened event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(SupervisionStarted event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseUrged event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseClosed event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(CaseWithdrawn event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(DeadlineWarningRaised event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    @EventHandler
    public void on(DeadlineMissed event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, event.at(), view -> CaseViewEvents.on(view, event));
    }

    private void apply(String caseId, long sequence, Instant at, Consumer<CaseView> change) {
        Optional<CaseView> stored = store.findCase(caseId);
        if (stored.isPresent() && stored.get().version() >= sequence) {
            return;
        }
        CaseView view = stored.orElseGet(() -> newView(caseId, sequence));
        Map<String, InboxEntry> before = InboxMembership.of(view);
        change.accept(view);
        view.applied(sequence, at);
        Map<String, InboxEntry> after = InboxMembership.of(view);
        Set<String> changedInboxes = updateInboxes(caseId, before, after);
        store.saveCase(view);
        if (store.isOpen()) {
            changedCases.put(caseId, sequence);
            this.changedInboxes.addAll(changedInboxes);
            return;
        }
        changes.caseChanged(caseId, sequence);
        if (!changedInboxes.isEmpty()) {
            changes.inboxesChanged(changedInboxes);
        }
    }

    /** A view for a case this generation has not seen yet, at the end of the case list. */
    private CaseView newView(String caseId, long sequence) {
        if (sequence > 0) {
            log.warn("Case {} has no view before its event #{}: building from this event on", caseId, sequence);
        }
        CaseView view = CaseView.blank(caseId);
        long position = store.listLength() + 1;
        view.listAt(position);
        store.saveListLength(position);
        return view;
    }

    /** Puts the case's entry into the inboxes it belongs in now and takes it out of those it left. */
    private Set<String> updateInboxes(String caseId, Map<String, InboxEntry> before, Map<String, InboxEntry> after) {
        Set<String> changed = new LinkedHashSet<>();
        for (Map.Entry<String, InboxEntry> entry : after.entrySet()) {
            if (entry.getValue().equals(before.get(entry.getKey()))) {
                continue;
            }
            Inbox inbox = store.findInbox(entry.getKey()).orElseGet(() -> Inbox.empty(entry.getKey()));
            if (!inbox.entry(caseId).map(entry.getValue()::equals).orElse(false)) {
                store.saveInbox(inbox.with(entry.getValue()));
                changed.add(entry.getKey());
            }
        }
        for (String unit : before.keySet()) {
            if (after.containsKey(unit)) {
                continue;
            }
            Optional<Inbox> inbox = store.findInbox(unit);
            if (inbox.isPresent() && inbox.get().entry(caseId).isPresent()) {
                store.saveInbox(inbox.get().without(caseId));
                changed.add(unit);
            }
        }
        return changed;
    }
}
