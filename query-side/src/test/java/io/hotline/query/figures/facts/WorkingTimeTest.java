package io.hotline.query.figures.facts;

import io.hotline.query.figures.CaseScript;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.hotline.query.figures.CaseScript.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The test calendar the other tests rely on. */
class WorkingTimeTest {

    @Test
    void theTestCalendarSkipsWeekendsAndHolidaysAndCountsMakeUpDays() {
        FakeWorkingCalendar calendar = FakeWorkingCalendar.CHINA_2024;
        // Fri 27 Sep 12:00 to Mon 30 Sep 12:00: Fri 12 h + Sat 0 + Sun 29 (make-up) 24 h + Mon 12 h
        assertThat(calendar.between(at("2024-09-27T12:00"), at("2024-09-30T12:00"))).isEqualTo(Duration.ofHours(48));
        // the whole National Day holiday, 1–7 Oct, is not working time
        assertThat(calendar.between(at("2024-10-01T00:00"), at("2024-10-08T00:00"))).isZero();
        // Sat 12 Oct was worked
        assertThat(calendar.between(at("2024-10-12T08:00"), at("2024-10-12T10:30"))).isEqualTo(Duration.ofMinutes(150));
    }
}
