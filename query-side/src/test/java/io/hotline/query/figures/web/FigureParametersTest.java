package io.hotline.query.figures.web;

import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.settings.FiguresProperties;
import io.hotline.query.figures.answers.Period;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The query parameters: defaults, and a 400 naming the parameter for each kind of mistake. */
class FigureParametersTest {

    // 2024-10-31T17:00Z is already 1 November in Shanghai
    private final FigureParameters parameters = new FigureParameters(
            Clock.fixed(Instant.parse("2024-10-31T17:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"),
            new FiguresProperties());

    @Test
    void withoutDatesTheRangeIsTheCurrentMonthSoFarInTheFiguresZone() {
        assertThat(parameters.range(null, null)).isEqualTo(new DateRange(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-01")));
        assertThat(parameters.range(null, "2024-10-20")).isEqualTo(new DateRange(LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-20")));
        assertThat(parameters.period(null)).isEqualTo(Period.DAY);
        assertThat(parameters.by(null)).isNull();
    }

    @Test
    void aRangeOfExactlyTheLimitIsAllowed() {
        assertThat(parameters.range("2024-01-01", "2025-02-03").days()).isEqualTo(400);
    }

    @Test
    void badParametersAreNamed() {
        assertNamed(() -> parameters.range("2024-13-01", "2024-12-31"), "from", "must be a date");
        assertNamed(() -> parameters.range("2024-10-01", "yesterday"), "to", "must be a date");
        assertNamed(() -> parameters.range("2024-10-02", "2024-10-01"), "from", "must not be after to");
        assertNamed(() -> parameters.range("2024-01-01", "2025-02-04"), "to", "at most 400");
        assertNamed(() -> parameters.period("year"), "period", "day, week, month");
        assertNamed(() -> parameters.by("colour"), "by", "unit, category, area");
        assertNamed(() -> parameters.filter(null, "GOSSIP", null), "category", "COMPLAINT");
        assertNamed(() -> parameters.filter(null, null, "37"), "area", "6-digit");
        assertNamed(() -> parameters.filter("C G J", null, null), "unit", "unit code");
    }

    private static void assertNamed(Runnable call, String parameter, String reason) {
        ResponseStatusException problem = catchThrowableOfType(call::run, ResponseStatusException.class);
        assertThat(problem).as("%s is refused", parameter).isNotNull();
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.getBody().getDetail()).startsWith(parameter + ": ").contains(reason);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.getBody().getProperties().get("errors");
        assertThat(errors).singleElement().satisfies(error -> assertThat(error).containsEntry("field", parameter));
    }
}
