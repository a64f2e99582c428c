package io.hotline.query.caseview;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hotline.kernel.cases.DeadlineKind;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A case as answered to a reader: its {@link CaseDetails} plus what depends on the moment of reading, the
 * warning colour of each pending deadline against the clock. Computed per request so an answer never shows a
 * stale colour.
 */
public final class CaseAnswer {

    private final CaseView view;
    private final CaseDetails details;
    private final Instant asOf;

    /** The answer showing the complainant as stored (masked; the phone hash is never serialized). */
    public CaseAnswer(CaseView view, Instant asOf) {
        this(view, view.citizen(), asOf);
    }

    /** The answer showing the complainant as one reader may see them ({@link CitizenView#shownTo}). */
    public CaseAnswer(CaseView view, CitizenView shownCitizen, Instant asOf) {
        this.view = view;
        this.details = CaseDetails.of(view, shownCitizen);
        this.asOf = asOf;
    }

    @JsonUnwrapped
    public CaseDetails getDetails() {
        return details;
    }

    /**
     * The stored view the answer was made from, for what the server renders itself (the auditors' history
     * export); never serialized.
     */
    @JsonIgnore
    public CaseView getView() {
        return view;
    }

    /** The moment the colours were computed for. */
    public Instant getAsOf() {
        return asOf;
    }

    /** The worst colour among the pending deadlines. */
    public Warning getWarning() {
        return DeadlineView.worstAt(details.pendingDeadlines(), asOf);
    }

    /** The colour per clock: SIGN_FOR and COMPLETION. */
    public Map<DeadlineKind, Warning> getWarnings() {
        Map<DeadlineKind, Warning> warnings = new EnumMap<>(DeadlineKind.class);
        for (DeadlineKind kind : DeadlineKind.values()) {
            warnings.put(kind, DeadlineView.at(details.pendingDeadlines(), kind, asOf));
        }
        return warnings;
    }

    public boolean isOverdue() {
        return getWarning() == Warning.RED;
    }
}
