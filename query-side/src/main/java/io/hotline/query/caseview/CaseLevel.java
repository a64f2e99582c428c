package io.hotline.query.caseview;

import io.hotline.query.caseview.Steps.SentDown;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One level of the chain of responsibility across levels (分级派单), as the case page shows it: level 1 is the unit
 * the hotline dispatched to (accountable to the hotline), each further level a unit the one above sent the case
 * down to (accountable to that one). Each has its own clocks; a sender's completion clock runs on while the level
 * below handles the case. {@code handling} marks the level leading the case now, {@code accountable} the unit
 * answering for it now (the sender, until the lower unit signs). {@code sentDownTo}, {@code instructions},
 * {@code sentDownBy} and {@code sentDownAt} say how this level passed the case on; null at the level handling it.
 */
public record CaseLevel(int level, String unit, String accountableTo, List<String> assistingUnits, boolean handling,
                        boolean accountable, DeadlineView signForDeadline, DeadlineView completionDeadline,
                        String sentDownTo, String instructions, ActedBy sentDownBy, Instant sentDownAt) {

    /** The levels of a case, the first level first; empty before dispatch. */
    static List<CaseLevel> of(CaseView view) {
        List<CaseLevel> levels = new ArrayList<>();
        if (view.leadUnit == null) {
            return levels;
        }
        String above = CaseView.HOTLINE;
        for (SentDown sender : view.above()) {
            levels.add(new CaseLevel(sender.level(), sender.unit(), above, sender.assistingUnits(), false,
                    sender.unit().equals(view.accountableUnit), sender.signForDeadline(), sender.completionDeadline(),
                    sender.toUnit(), sender.instructions(), sender.by(), sender.at()));
            above = sender.unit();
        }
        levels.add(new CaseLevel(levels.size() + 1, view.leadUnit, above, List.copyOf(view.assistingUnits), true,
                view.leadUnit.equals(view.accountableUnit), view.signForDeadline, view.completionDeadline,
                null, null, null, null));
        return levels;
    }
}
