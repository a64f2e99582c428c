package io.hotline.query.readmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The list of one entry per case that a keyed read-model document holds (a unit's inbox, a board queue, the cases
 * under a search key): kept in a fixed order (case id, unless the document needs another), so the stored document
 * does not depend on the order the writes happened in and a rebuild gives the very same document.
 */
public final class CaseEntries {

    private CaseEntries() {
    }

    /** The case's entry in {@code entries}, if it has one. */
    public static <E> Optional<E> of(List<E> entries, String caseId, Function<E, String> caseIdOf) {
        return entries.stream().filter(entry -> caseIdOf.apply(entry).equals(caseId)).findFirst();
    }

    /** {@code entries} with the entry's case put in (or replaced), in case-id order. */
    public static <E> List<E> with(List<E> entries, E entry, Function<E, String> caseIdOf) {
        return with(entries, entry, caseIdOf, Comparator.comparing(caseIdOf));
    }

    /** {@code entries} with the entry's case put in (or replaced), in the given order. */
    public static <E> List<E> with(List<E> entries, E entry, Function<E, String> caseIdOf, Comparator<E> order) {
        String caseId = caseIdOf.apply(entry);
        List<E> next = new ArrayList<>(entries.size() + 1);
        for (E existing : entries) {
            if (!caseIdOf.apply(existing).equals(caseId)) {
                next.add(existing);
            }
        }
        next.add(entry);
        next.sort(order);
        return next;
    }

    /** {@code entries} without the case. */
    public static <E> List<E> without(List<E> entries, String caseId, Function<E, String> caseIdOf) {
        return entries.stream().filter(entry -> !caseIdOf.apply(entry).equals(caseId)).toList();
    }
}
