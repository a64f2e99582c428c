package io.hotline.command.policy;

import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;

import java.time.Instant;

/**
 * 限时办结: computes a case's deadlines from the service-level policy (per category and urgency, configuration
 * not code) and the working-time calendar. Urgent tiers run on the wall clock, the others on working time.
 * The warning time is the configured share (default 80%) of the allowed time.
 */
public interface DeadlinePolicy {

    /** The time a unit has to sign for a case dispatched (or transferred, re-dispatched) to it at {@code from}. */
    Deadline signFor(Category category, Urgency urgency, Instant from);

    /** The time a unit has to finish, counted from its signing for the case at {@code from}. */
    Deadline completion(Category category, Urgency urgency, Instant from);

    /** The completion deadline moved by an approved extension of {@code extraWorkingDays} working days. */
    Deadline extend(Deadline completion, int extraWorkingDays);
}
