package io.hotline.query.inbox;

import io.hotline.query.caseview.Warning;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A unit's inbox as answered: its open cases, nearest pending deadline first (cases without one last), with
 * their colours and the counts a screen's header shows.
 */
public record InboxAnswer(String unit, Instant asOf, int total, int yellow, int red, List<InboxItem> items) {

    static final Comparator<InboxItem> NEAREST_DEADLINE_FIRST = Comparator
            .comparing(InboxItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InboxItem::caseNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InboxItem::caseId);

    public static InboxAnswer of(Inbox inbox, Instant now) {
        List<InboxItem> items = inbox.entries().stream()
                .map(entry -> InboxItem.of(entry, now))
                .sorted(NEAREST_DEADLINE_FIRST)
                .toList();
        int yellow = (int) items.stream().filter(item -> item.warning() == Warning.YELLOW).count();
        int red = (int) items.stream().filter(item -> item.warning() == Warning.RED).count();
        return new InboxAnswer(inbox.unit(), now, items.size(), yellow, red, items);
    }
}
