package io.hotline.query.caseview;

import java.time.Instant;

/**
 * One link of the chain of responsibility (首问负责): which unit, in what role, how it got there, by whom and
 * when, and whether it was accountable after this step. The chain only grows, so "who owned this case on
 * day X" is always answerable and passing the buck stays visible.
 */
public record ChainEntry(String unit, ChainRole role, ChainStep step, boolean accountable, ActedBy by,
                         String reason, Instant at) {
}
