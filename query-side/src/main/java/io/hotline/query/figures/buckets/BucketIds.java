package io.hotline.query.figures.buckets;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code _id}s of the bucket documents: {@code <period>|<unit>|<category>|<area>} where the period is
 * {@code D|2024-10-08} (a local day), {@code M|2024-10} (a calendar month) or {@code N|now} (the open-case
 * counters), and a dimension is {@code *} in the bucket that sums over it. A case's cell is added to the
 * buckets of its day and of its month, each in all eight combinations of its unit, category and area with
 * {@code *}, so any filter over any range is answered by {@code _id} lookups alone: whole months from month
 * buckets, the days at either end from day buckets. The embedded store only has unique indexes; this is the
 * only kind of lookup it answers fast.
 * <p>
 * A unit's subtree has buckets of its own: {@code <period>|^<unit>|<category>|<area>} sums what every unit below
 * it did (not the unit itself), so a district's figures with its streets and communities are two lookups per
 * period, its own bucket and its subtree's, however large the district. A cell is added to the subtree buckets
 * of each ancestor its unit had when the case first met that unit ({@code CaseFacts#ancestry}).
 * <p>
 * The same period keys name the documents of {@code figure_keys}, which list the units, categories and areas
 * that have buckets in the period, and the units with subtree buckets, so a breakdown knows which ids to ask for.
 */
public final class BucketIds {

    static final String ANY = "*";
    /** Marks a unit segment as the unit's subtree below it; escaped inside codes, so it cannot collide. */
    static final String SUBTREE = "^";
    public static final String NOW = "N|now";

    private BucketIds() {
    }

    public static String day(LocalDate day) {
        return "D|" + day;
    }

    public static String month(YearMonth month) {
        return "M|" + month;
    }

    /** The period keys of the buckets a cell is added to. */
    public static List<String> periodsOf(Cell cell) {
        return cell.isNow() ? List.of(NOW) : List.of(day(cell.day()), month(YearMonth.from(cell.day())));
    }

    /** Every bucket id a cell is added to: two periods (one for "now") times eight dimension combinations. */
    public static List<String> of(Cell cell) {
        List<String> ids = new ArrayList<>(16);
        for (String period : periodsOf(cell)) {
            for (String unit : new String[]{cell.unit(), null}) {
                for (String category : new String[]{cell.category(), null}) {
                    for (String area : new String[]{cell.area(), null}) {
                        ids.add(id(period, unit, category, area));
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Every bucket id a cell is added to when its unit sits under {@code ancestors}: those of {@link #of(Cell)},
     * and per ancestor its subtree buckets of the two periods in the four combinations of category and area.
     */
    public static List<String> of(Cell cell, List<String> ancestors) {
        List<String> ids = of(cell);
        for (String ancestor : ancestors) {
            for (String period : periodsOf(cell)) {
                for (String category : new String[]{cell.category(), null}) {
                    for (String area : new String[]{cell.area(), null}) {
                        ids.add(subtreeId(period, ancestor, category, area));
                    }
                }
            }
        }
        return ids;
    }

    /** The bucket id of one period under a filter. */
    public static String of(String period, FigureFilter filter) {
        return id(period, filter.unit(), filter.category(), filter.area());
    }

    /** The bucket of everything below the filter's unit (not the unit itself) in one period. */
    public static String subtree(String period, FigureFilter filter) {
        return subtreeId(period, filter.unit(), filter.category(), filter.area());
    }

    /**
     * The period keys covering {@code from}..{@code to} (inclusive) with the fewest buckets: a month key for
     * every calendar month wholly inside, day keys for the rest.
     */
    public static List<String> cover(LocalDate from, LocalDate to) {
        List<String> periods = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            YearMonth month = YearMonth.from(day);
            if (day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
                periods.add(month(month));
                day = month.plusMonths(1).atDay(1);
            } else {
                periods.add(day(day));
                day = day.plusDays(1);
            }
        }
        return periods;
    }

    private static String id(String period, String unit, String category, String area) {
        return period + "|" + escape(unit) + "|" + escape(category) + "|" + escape(area);
    }

    private static String subtreeId(String period, String unit, String category, String area) {
        return period + "|" + SUBTREE + escape(unit) + "|" + escape(category) + "|" + escape(area);
    }

    /** {@code null} is "any"; a code containing the separator or the wildcard cannot collide with another key. */
    private static String escape(String value) {
        if (value == null) {
            return ANY;
        }
        return value.replace("%", "%25").replace("|", "%7C").replace("*", "%2A").replace("^", "%5E");
    }
}
