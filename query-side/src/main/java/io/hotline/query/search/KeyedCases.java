package io.hotline.query.search;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The cases under one {@link SearchKey} value: one document per day, per phone hash or per case number. Entries are
 * kept in the search's order, registered latest first and then by case id, which makes the document independent of
 * the order writes happened in (a rebuild gives the very same document) and lets the newest-first listing take a
 * day's entries as they are.
 */
public record KeyedCases(@Id String key, List<KeyedCase> entries) {

    /** The search's order: registeredAt descending (a case without one last, as MongoDB sorts a missing field), id. */
    public static final Comparator<KeyedCase> ORDER = Comparator
            .comparing(KeyedCase::registeredAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed()
            .thenComparing(KeyedCase::caseId);

    public KeyedCases {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static KeyedCases empty(String key) {
        return new KeyedCases(key, List.of());
    }

    public Optional<KeyedCase> entry(String caseId) {
        return entries.stream().filter(entry -> entry.caseId().equals(caseId)).findFirst();
    }

    /** These cases with the case's entry put in (or replaced). */
    public KeyedCases with(KeyedCase entry) {
        List<KeyedCase> next = new ArrayList<>(entries.size() + 1);
        for (KeyedCase existing : entries) {
            if (!existing.caseId().equals(entry.caseId())) {
                next.add(existing);
            }
        }
        next.add(entry);
        next.sort(ORDER);
        return new KeyedCases(key, next);
    }

    /** These cases without the case. */
    public KeyedCases without(String caseId) {
        return new KeyedCases(key, entries.stream().filter(entry -> !entry.caseId().equals(caseId)).toList());
    }

    public List<String> caseIds() {
        return entries.stream().map(KeyedCase::caseId).toList();
    }
}
