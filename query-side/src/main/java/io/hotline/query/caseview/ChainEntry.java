package io.hotline.query.caseview;

import org.springframework.data.annotation.PersistenceCreator;

import java.time.Instant;

/**
 * One link of the chain of responsibility (首问负责): which unit, in what role, how it got there, by whom and
 * when, and whether it was accountable after this step. The chain only grows, so "who owned this case on
 * day X" is always answerable and passing the buck stays visible.
 */
public record ChainEntry(String unit, ChainRole role, ChainStep step, boolean accountable, ActedBy by,
                         String reason, Instant at, String from, Integer level) {

    /** The store maps with this one (the record's own), not the shorter one below. */
    @PersistenceCreator
    public ChainEntry {
    }

    /**
     * A link without levels: {@code from} (the unit that sent the case down to this one, or the other end of a
     * review) and {@code level} (1 for the unit the hotline dispatched to) are set only by dispatch by level.
     */
    public ChainEntry(String unit, ChainRole role, ChainStep step, boolean accountable, ActedBy by, String reason,
                      Instant at) {
        this(unit, role, step, accountable, by, reason, at, null, null);
    }
}
