package io.hotline.kernel.cases;

import java.time.Instant;

/**
 * A deadline as the service-level policy computed it when the clock started: when the step is due, and when
 * the early warning (预警, yellow) is raised. Recorded in the event, so a later change of policy never
 * rewrites history.
 */
public record Deadline(DeadlineKind kind, Instant startedAt, Instant warnAt, Instant due) {
}
