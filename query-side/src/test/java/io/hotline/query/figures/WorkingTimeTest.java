package io.hotline.query.figures;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Duration;

import static io.hotline.query.figures.CaseScript.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in working time, when it is used, and the test calendar the other tests rely on. */
class WorkingTimeTest {

    @Configuration(proxyBeanMethods = false)
    @Import(WallClockFallback.Last.class)
    static class Figures {
    }

    @Configuration(proxyBeanMethods = false)
    static class Calendar {

        @Bean
        WorkingTime calendarWorkingTime() {
            return FakeWorkingCalendar.CHINA_2024;
        }
    }

    @Test
    void theStandInIsUsedOnlyWithoutACalendarWhicheverIsReadFirst() {
        new ApplicationContextRunner().withUserConfiguration(Figures.class).run(context ->
                assertThat(context).getBean(WorkingTime.class).isInstanceOf(WallClockWorkingTime.class));
        new ApplicationContextRunner().withUserConfiguration(Figures.class, Calendar.class).run(context ->
                assertThat(context).getBean(WorkingTime.class).isSameAs(FakeWorkingCalendar.CHINA_2024));
        new ApplicationContextRunner().withUserConfiguration(Calendar.class, Figures.class).run(context ->
                assertThat(context).getBean(WorkingTime.class).isSameAs(FakeWorkingCalendar.CHINA_2024));
    }

    @Test
    void theStandInCountsEveryHour() {
        WorkingTime wallClock = new WallClockWorkingTime();
        assertThat(wallClock.between(at("2024-10-04T09:00"), at("2024-10-08T09:00"))).isEqualTo(Duration.ofDays(4));
        assertThat(wallClock.between(at("2024-10-08T09:00"), at("2024-10-04T09:00"))).isZero();
    }

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
