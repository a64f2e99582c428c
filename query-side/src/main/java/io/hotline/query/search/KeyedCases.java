package io.hotline.query.search;

import io.hotline.query.readmodel.CaseEntries;
import io.hotline.query.readmodel.CaseEntryDocument;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The cases under one {@link SearchKey} value: one document per day, per phone hash or per case number. Entries are
 * kept in the search's order, registered latest first and then by case id, which makes the document independent of
 * the order writes happened in (a rebuild gives the very same document) and lets the newest-first listing take a
 * day's entries as they are.
 */
public record KeyedCases(@Id String key, List<KeyedCase> entries)
        implements CaseEntryDocument<KeyedCases, KeyedCase> {

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

    @Override
    public Optional<KeyedCase> entry(String caseId) {
        return CaseEntries.of(entries, caseId, KeyedCase::caseId);
    }

    /** These cases with the case's entry put in (or replaced). */
    @Override
    public KeyedCases with(KeyedCase entry) {
        return new KeyedCases(key, CaseEntries.with(entries, entry, KeyedCase::caseId, ORDER));
    }

    /** These cases without the case. */
    @Override
    public KeyedCases without(String caseId) {
        return new KeyedCases(key, CaseEntries.without(entries, caseId, KeyedCase::caseId));
    }

    public List<String> caseIds() {
        return entries.stream().map(KeyedCase::caseId).toList();
    }
}
