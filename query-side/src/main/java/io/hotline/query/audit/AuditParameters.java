package io.hotline.query.audit;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Reads and checks the query parameters of the audit endpoints; a bad one answers 400 naming it, before any
 * store is touched.
 */
public final class AuditParameters {

    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Local user names, and what an identity provider may call a person (e-mail-like names included). */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,128}");
    /** The longest period one bulletin may cover. */
    public static final int MAX_BULLETIN_DAYS = 400;

    private final ZoneId zone;

    public AuditParameters(ZoneId zone) {
        this.zone = zone;
    }

    public static String caseId(String value) {
        if (value == null || !CASE_ID.matcher(value).matches()) {
            throw invalid("caseId", "must match " + CASE_ID.pattern());
        }
        return value;
    }

    public static String user(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!USER.matcher(value.strip()).matches()) {
            throw invalid("user", "must match " + USER.pattern());
        }
        return value.strip();
    }

    public static String optionalCaseId(String value) {
        return value == null || value.isBlank() ? null : caseId(value.strip());
    }

    public static int page(Integer page) {
        int value = page == null ? 0 : page;
        if (value < 0) {
            throw invalid("page", "must be 0 or more");
        }
        return value;
    }

    public static int size(Integer size, int defaultSize, int maxSize) {
        int value = size == null ? defaultSize : size;
        if (value < 1 || value > maxSize) {
            throw invalid("size", "must be between 1 and " + maxSize);
        }
        return value;
    }

    /** An instant: {@code 2026-11-23T01:00:00Z} or with an offset, {@code 2026-11-23T09:00:00+08:00}. */
    public static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(field, "must be an ISO instant (2026-11-23T01:00:00Z or 2026-11-23T09:00:00+08:00)");
            }
        }
    }

    /**
     * A bound of a listing: an instant, or a day in the city's zone ({@code from} a day means its start, {@code to}
     * a day means its end, so from=to=one day is that day).
     */
    public Instant bound(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() == 10) {
            LocalDate day = day(field, value);
            return (field.equals("to") ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        return instant(field, value.strip());
    }

    public static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required (a day such as 2026-11-01)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a day such as 2026-11-01");
        }
    }

    /** A bulletin's period: both days given, in order, at most {@link #MAX_BULLETIN_DAYS} long. */
    public static LocalDate[] period(String from, String to) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_BULLETIN_DAYS) {
            throw invalid("to", "the period may cover at most " + MAX_BULLETIN_DAYS + " days");
        }
        return new LocalDate[]{first, last};
    }

    public static ResponseStatusException invalid(String field, String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": " + reason);
    }
}
