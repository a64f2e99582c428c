package io.hotline.query.search;

import org.springframework.data.annotation.Id;

import java.util.List;
import java.util.TreeSet;

/**
 * The days on which cases were registered, so the newest-first listing knows which {@link SearchKey#DAY} documents
 * exist without scanning for them. One document, {@code _id: "days"}, in the day collection itself (no day key can
 * take that {@code _id}), holding the sorted day keys ({@code yyyy-MM-dd}). One document rather than one per month:
 * ten years of days are some 3,650 short strings (about 50 KB), read in one lookup, and the document changes only
 * when a day gets its first case, so keeping it costs one small write a day.
 */
public record CaseCalendar(@Id String id, List<String> days) {

    /** The {@code _id} of the calendar in the day collection. */
    public static final String ID = "days";

    public CaseCalendar {
        days = days == null ? List.of() : List.copyOf(new TreeSet<>(days));
    }

    public static CaseCalendar empty() {
        return new CaseCalendar(ID, List.of());
    }

    public boolean has(String day) {
        return days.contains(day);
    }

    public CaseCalendar with(String day) {
        TreeSet<String> next = new TreeSet<>(days);
        next.add(day);
        return new CaseCalendar(ID, List.copyOf(next));
    }

    public CaseCalendar without(String day) {
        return new CaseCalendar(ID, days.stream().filter(existing -> !existing.equals(day)).toList());
    }

    /** The days, latest first. */
    public List<String> latestFirst() {
        return new TreeSet<>(days).descendingSet().stream().toList();
    }
}
