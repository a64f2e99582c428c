package io.hotline.query.caseview;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hotline.kernel.cases.DeadlineKind;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A case view as answered to a reader: the stored view plus what depends on the moment of reading, the warning
 * colour of each pending deadline against the clock. Computed per request so a stored view never shows a
 * stale colour.
 */
public final class CaseAnswer {

    private final CaseView view;
    private final Instant asOf;

    public CaseAnswer(CaseView view, Instant asOf) {
        this.view = view;
        this.asOf = asOf;
    }

    @JsonUnwrapped
    public CaseView getView() {
        return view;
    }

    /** The moment the colours were computed for. */
    public Instant getAsOf() {
        return asOf;
    }

    /** The worst colour among the pending deadlines. */
    public Warning getWarning() {
        return view.warningAt(asOf);
    }

    /** The colour per clock: SIGN_FOR and COMPLETION. */
    public Map<DeadlineKind, Warning> getWarnings() {
        Map<DeadlineKind, Warning> warnings = new EnumMap<>(DeadlineKind.class);
        for (DeadlineKind kind : DeadlineKind.values()) {
            warnings.put(kind, view.warningAt(kind, asOf));
        }
        return warnings;
    }

    public boolean isOverdue() {
        return getWarning() == Warning.RED;
    }
}
