package io.hotline.kernel.time;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The public holidays and make-up working days announced so far, and the years whose notice they come from.
 * China announces each year's days only in the preceding autumn, so the set grows at run time (the platform
 * loads it from one file a year); a year without a notice falls back to plain weekends, and {@link #covers(int)}
 * lets operators notice that before deadlines come out a day short.
 */
public final class HolidayCalendar {

    private static final HolidayCalendar NONE = new HolidayCalendar(Set.of(), Set.of());

    private final SortedSet<Integer> years;
    private final Map<LocalDate, AnnouncedDay> days;

    /**
     * @param years the years whose notice is included (a notice may name a date of the year before, as the one
     *              for 2019 named 2018-12-29 to 2018-12-31)
     * @param days  the announced days; a date may appear only once
     */
    public HolidayCalendar(Collection<Integer> years, Collection<AnnouncedDay> days) {
        TreeMap<LocalDate, AnnouncedDay> byDate = new TreeMap<>();
        for (AnnouncedDay day : days) {
            AnnouncedDay earlier = byDate.putIfAbsent(day.date(), day);
            if (earlier != null) {
                throw new IllegalArgumentException("The date " + day.date() + " is announced twice: " + earlier
                        + " and " + day);
            }
        }
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
        this.days = Collections.unmodifiableMap(byDate);
    }

    /** No announcements at all: only weekends are days off. */
    public static HolidayCalendar none() {
        return NONE;
    }

    public Optional<AnnouncedDay> lookup(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    /** Whether the notice for {@code year} is loaded. */
    public boolean covers(int year) {
        return years.contains(year);
    }

    public SortedSet<Integer> years() {
        return years;
    }

    /** The announced days in date order. */
    public Collection<AnnouncedDay> days() {
        return days.values();
    }

    @Override
    public String toString() {
        return "HolidayCalendar" + years + " (" + days.size() + " announced days)";
    }
}
