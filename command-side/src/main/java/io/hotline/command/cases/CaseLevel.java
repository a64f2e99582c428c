package io.hotline.command.cases;

import io.hotline.kernel.cases.Deadline;

import java.util.Set;

/**
 * A unit that sent a case down (下派), as the case remembers it: the assisting units it had and its own completion
 * deadline, which runs on while the levels below work and is in force again if it takes the case back.
 */
record CaseLevel(String unit, Set<String> assistingUnits, Deadline completionDeadline) {
}
