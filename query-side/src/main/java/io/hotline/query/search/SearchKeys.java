package io.hotline.query.search;

import io.hotline.query.caseview.CaseView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Under which {@link SearchKey}s a case is listed, derived from its case view alone (so the key documents are rebuilt
 * from the log with the views, and an event applied twice gives the same entries): its day of registration in the
 * city's zone, its citizen's phone hash (none once the citizen was erased: the erased citizen keeps no hash, so the
 * case leaves its phone's document), and every number in its {@code caseNumbers} (which gains the numbers of the
 * repeated requests merged into it).
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /** Per kind of key, key value to the case's entry; a kind the case is not under maps to an empty map. */
    public static Map<SearchKey, Map<String, KeyedCase>> of(CaseView view, ZoneId zone) {
        Map<SearchKey, Map<String, KeyedCase>> keys = new EnumMap<>(SearchKey.class);
        for (SearchKey kind : SearchKey.values()) {
            keys.put(kind, new LinkedHashMap<>());
        }
        if (view == null) {
            return keys;
        }
        KeyedCase entry = new KeyedCase(view.caseId(), millis(view.registeredAt()));
        if (view.registeredAt() != null) {
            keys.get(SearchKey.DAY).put(day(view.registeredAt(), zone), entry);
        }
        if (view.citizen() != null && view.citizen().phoneHash() != null) {
            keys.get(SearchKey.PHONE).put(view.citizen().phoneHash(), entry);
        }
        view.caseNumbers().forEach(number -> keys.get(SearchKey.NUMBER).put(number, entry));
        return keys;
    }

    /** The day key of a moment: its date in the city's zone, {@code yyyy-MM-dd}. */
    public static String day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().toString();
    }

    /** Stored instants keep milliseconds; entries do too, so an unchanged entry compares equal to the stored one. */
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
