package io.hotline.query.board;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hotline.query.caseview.Warning;

import java.time.Instant;

/** One row of a board list as answered: the stored entry's fields, plus its colour at the moment of reading. */
public record BoardItem(@JsonUnwrapped QueueEntry entry, Warning warning) {

    static BoardItem of(QueueEntry entry, Instant now) {
        return new BoardItem(entry, Warning.of(entry.nextWarnAt(), entry.nextDue(), now));
    }
}
