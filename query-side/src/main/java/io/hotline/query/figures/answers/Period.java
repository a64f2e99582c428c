package io.hotline.query.figures.answers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The steps of a series: calendar days, ISO weeks (Monday to Sunday, labelled {@code 2024-W41}) or calendar
 * months ({@code 2024-10}). The first and last step are cut to the requested range, and say so in their own
 * {@code from} and {@code to}.
 */
public enum Period {
    DAY,
    WEEK,
    MONTH;

    /** One step of a series: its label and the dates it covers within the requested range. */
    public record Step(String label, DateRange range) {
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Period> fromParameter(String value) {
        return Arrays.stream(values()).filter(period -> period.parameter().equals(value)).findFirst();
    }

    public List<Step> steps(DateRange range) {
        List<Step> steps = new ArrayList<>();
        LocalDate start = range.from();
        while (!start.isAfter(range.to())) {
            LocalDate end = min(endOf(start), range.to());
            steps.add(new Step(label(start), new DateRange(start, end)));
            start = end.plusDays(1);
        }
        return steps;
    }

    private LocalDate endOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> YearMonth.from(day).atEndOfMonth();
        };
    }

    private String label(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(day).format(DateTimeFormatter.ofPattern("yyyy-MM"));
        };
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
