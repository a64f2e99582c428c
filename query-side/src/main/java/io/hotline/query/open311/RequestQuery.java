package io.hotline.query.open311;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.open311.Open311Refusal;
import io.hotline.kernel.open311.Open311Services;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /requests} as GeoReport v2 defines them: {@code service_request_id} (a comma list
 * that overrides everything else), {@code service_code}, {@code start_date}, {@code end_date} and {@code status}
 * (each of the last also as a comma list). Without dates the window is the last 90 days; a window may not span
 * more than 90 days; at most 1000 requests are answered, newest first. Other parameters ({@code api_key},
 * {@code jurisdiction_id}, apps' own extras) are not filters and are ignored: reading changes nothing.
 */
record RequestQuery(List<String> ids, Set<Category> categories, Set<String> statuses, Instant start, Instant end) {

    static final Duration WINDOW = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;
    static final int MAX_IDS = 1000;
    private static final Pattern CASE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    boolean byIds() {
        return !ids.isEmpty();
    }

    static RequestQuery from(MultiValueMap<String, String> parameters, Instant now) {
        List<String> errors = new ArrayList<>();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(list(parameters, "service_request_id")));
        if (ids.size() > MAX_IDS) {
            errors.add("service_request_id: at most " + MAX_IDS + " ids at once");
        }
        if (ids.stream().anyMatch(id -> !CASE_ID.matcher(id).matches())) {
            errors.add("service_request_id: not a service request id");
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String code : list(parameters, "service_code")) {
            Open311Services.category(code).ifPresentOrElse(categories::add,
                    () -> errors.add("service_code: no service with this code; see services.json"));
        }
        Set<String> statuses = new LinkedHashSet<>();
        for (String status : list(parameters, "status")) {
            if (status.equals("open") || status.equals("closed")) {
                statuses.add(status);
            } else {
                errors.add("status: must be open or closed");
            }
        }
        Instant start = instant(parameters, "start_date", errors);
        Instant end = instant(parameters, "end_date", errors);
        if (end == null) {
            end = start == null ? now : min(start.plus(WINDOW), now);
        }
        if (start == null) {
            start = end.minus(WINDOW);
        }
        if (start.isAfter(end)) {
            errors.add("start_date: must not be after end_date");
        } else if (Duration.between(start, end).compareTo(WINDOW) > 0) {
            errors.add("start_date, end_date: may not span more than 90 days");
        }
        if (!errors.isEmpty()) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST.value(), errors.stream().distinct().toList());
        }
        return new RequestQuery(List.copyOf(ids), categories, statuses, start, end);
    }

    boolean admits(RequestRecord record) {
        return (categories.isEmpty() || categories.contains(record.category()))
                && !record.requestedAt().isBefore(start) && !record.requestedAt().isAfter(end);
    }

    boolean admitsStatus(String status) {
        return statuses.isEmpty() || statuses.contains(status);
    }

    /** The UTC days the window touches, newest first: the day lists to read. */
    List<String> daysNewestFirst() {
        List<String> days = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(end, ZoneOffset.UTC); !day.isBefore(first); day = day.minusDays(1)) {
            days.add(day.toString());
        }
        return days;
    }

    private static List<String> list(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }

    /** An ISO-8601 date-time with its offset ({@code 2026-11-23T09:30:00+08:00}), or a date (its UTC start). */
    private static Instant instant(MultiValueMap<String, String> parameters, String name, List<String> errors) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() <= 10 ? LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(name + ": must be an ISO 8601 date-time with offset, e.g. 2026-11-23T09:30:00+08:00");
            return null;
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
