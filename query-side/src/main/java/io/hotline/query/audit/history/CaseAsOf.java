package io.hotline.query.audit.history;

import io.hotline.query.audit.log.EventLog;
import io.hotline.query.audit.log.LoggedEvent;
import io.hotline.query.caseview.CaseAnswer;
import io.hotline.query.caseview.CaseView;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a case looked like at a moment, or after a given event, rebuilt from the log rather than read from the
 * read model (which only knows "now", and may be mid-rebuild). Deadline colours are computed for that moment,
 * so an inspector sees the case as the people handling it saw it then.
 */
@Component
public class CaseAsOf {

    private final EventLog log;
    private final CaseReplay replay;

    CaseAsOf(EventLog log, CaseReplay replay) {
        this.log = log;
        this.replay = replay;
    }

    /**
     * The state at {@code moment}: every event that had happened by then (its own time at or before the
     * moment). Events are taken in order and the first one after the moment ends the prefix, so the answer is
     * always a state the case really passed through.
     */
    Optional<State> at(String caseId, Instant moment) {
        List<LoggedEvent> applied = new ArrayList<>();
        for (LoggedEvent event : log.all(caseId)) {
            if (event.at().isAfter(moment)) {
                break;
            }
            applied.add(event);
        }
        return state(applied, moment);
    }

    /** The state after the event with sequence number {@code version} (0 = just registered). */
    Optional<State> afterVersion(String caseId, long version) {
        List<LoggedEvent> applied = log.read(caseId, 0, (int) Math.min(Integer.MAX_VALUE, version + 1));
        if (applied.isEmpty() || applied.get(applied.size() - 1).sequenceNumber() != version) {
            return Optional.empty();
        }
        return state(applied, applied.get(applied.size() - 1).at());
    }

    /** The whole case now, from the log. */
    Optional<State> now(String caseId, Instant now) {
        return state(log.all(caseId), now);
    }

    private Optional<State> state(List<LoggedEvent> applied, Instant asOf) {
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        LoggedEvent last = applied.get(applied.size() - 1);
        return replay.replay(applied).map(view -> new State(view.caseId(), asOf, view.version(), applied.size(),
                last.at(), new CaseAnswer(view, asOf)));
    }

    /**
     * A case's state at a moment.
     *
     * @param caseId         the case
     * @param asOf           the moment asked for (or the time of the event asked for)
     * @param version        sequence number of the last event applied
     * @param eventsApplied  how many events made this state
     * @param lastEventAt    when the last applied event happened
     * @param state          the case view as it was, with its deadline colours at {@code asOf}
     */
    public record State(String caseId, Instant asOf, long version, int eventsApplied, Instant lastEventAt,
                 CaseAnswer state) {

        public CaseView view() {
            return state.getView();
        }
    }
}
