package io.hotline.query.figures.web;

import org.springframework.web.server.ServerWebExchange;
import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.buckets.Dimension;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.settings.FiguresProperties;
import io.hotline.query.figures.answers.Period;
import io.hotline.kernel.common.Category;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the query parameters of the figures API. A bad one is answered with 400 {@code application/problem+json}
 * naming it (see {@link InvalidFigureParameter}).
 * <p>
 * Defaults: {@code to} is today and {@code from} the first day of {@code to}'s month (the current month so
 * far); {@code period} is {@code day}. A range may span at most {@code app.figures.max-range-days} days.
 */
@Component
class FigureParameters {

    private static final Pattern AREA = Pattern.compile("\\d{6}");
    private static final Pattern UNIT = Pattern.compile("[\\p{L}\\p{N}_.:-]{1,64}");
    private static final List<String> LEVELS = List.of("DISTRICT", "CITY_DEPARTMENT", "UTILITY", "STREET",
            "COMMUNITY", "OTHER");
    private static final String CATEGORIES = Arrays.stream(Category.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final Clock clock;
    private final ZoneId zone;
    private final FiguresProperties properties;

    FigureParameters(Clock clock, ZoneId zone, FiguresProperties properties) {
        this.clock = clock;
        this.zone = zone;
        this.properties = properties;
    }

    DateRange range(String from, String to) {
        LocalDate end = to == null ? today() : date("to", to);
        LocalDate start = from == null ? end.withDayOfMonth(1) : date("from", from);
        if (start.isAfter(end)) {
            throw invalid("from", "must not be after to (" + end + ")");
        }
        DateRange range = new DateRange(start, end);
        if (range.days() > properties.getMaxRangeDays()) {
            throw invalid("to", "the range from " + start + " spans " + range.days() + " days; at most "
                    + properties.getMaxRangeDays() + " are allowed");
        }
        return range;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    Period period(String value) {
        if (value == null) {
            return Period.DAY;
        }
        return Period.fromParameter(value).orElseThrow(() -> invalid("period", "must be one of day, week, month"));
    }

    Dimension by(String value) {
        if (value == null) {
            return null;
        }
        return Dimension.fromParameter(value).orElseThrow(() -> invalid("by", "must be one of unit, category, area"));
    }

    /** The filter with {@code subtree}: {@code true} rolls the unit's figures up over everything under it. */
    FigureFilter filter(String unit, String category, String area, String subtree) {
        FigureFilter filter = filter(unit, category, area);
        if (subtree == null || subtree.equals("false")) {
            return filter;
        }
        if (!subtree.equals("true")) {
            throw invalid("subtree", "must be true or false");
        }
        if (unit == null) {
            throw invalid("subtree", "needs a unit: the unit whose subtree is rolled up");
        }
        return FigureFilter.subtreeOf(filter.unit(), filter.category(), filter.area());
    }

    /** A peer group's level: a kind of unit that is ranked, or OTHER for units the directory does not know. */
    String level(String value) {
        if (value == null || LEVELS.contains(value)) {
            return value;
        }
        throw invalid("level", "must be one of " + String.join(", ", LEVELS));
    }

    String parent(String value) {
        if (value != null && !UNIT.matcher(value).matches()) {
            throw invalid("parent", "must be a unit code of 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        return value;
    }

    FigureFilter filter(String unit, String category, String area) {
        if (unit != null && !UNIT.matcher(unit).matches()) {
            throw invalid("unit", "must be a unit code of 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        if (category != null && Arrays.stream(Category.values()).noneMatch(known -> known.name().equals(category))) {
            throw invalid("category", "must be one of " + CATEGORIES);
        }
        if (area != null && !AREA.matcher(area).matches()) {
            throw invalid("area", "must be a 6-digit area code");
        }
        return new FigureFilter(unit, category, area);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a date like 2024-10-08");
        }
    }

    /** Refuses a parameter the endpoint does not take, as the search does: a typo must not pass for a filter. */
    static void onlyKnown(ServerWebExchange exchange, String... known) {
        List<String> names = List.of(known);
        for (String given : exchange.getRequest().getQueryParams().keySet()) {
            if (!names.contains(given)) {
                throw invalid(given, "unknown parameter; known: " + String.join(", ", names));
            }
        }
    }

    static InvalidFigureParameter invalid(String parameter, String reason) {
        return new InvalidFigureParameter(parameter, reason);
    }
}
