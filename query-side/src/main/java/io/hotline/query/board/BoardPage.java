package io.hotline.query.board;

import java.time.Instant;
import java.util.List;

/** A page of one board list and how many cases the list holds in all; the same shape as a search's page. */
public record BoardPage(List<BoardItem> items, int page, int size, long total, int totalPages) {

    /** The queue's page {@code page} of {@code size} rows, in the queue's order, coloured for {@code now}. */
    static BoardPage of(Queue queue, QueueName name, int page, int size, Instant now) {
        List<QueueEntry> sorted = queue.entries().stream().sorted(name.order()).toList();
        long from = Math.min((long) page * size, sorted.size());
        int to = (int) Math.min(from + size, sorted.size());
        List<BoardItem> items = sorted.subList((int) from, to).stream().map(entry -> BoardItem.of(entry, now)).toList();
        return new BoardPage(items, page, size, sorted.size(), (sorted.size() + size - 1) / size);
    }
}
