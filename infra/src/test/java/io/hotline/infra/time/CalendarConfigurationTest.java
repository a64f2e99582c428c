package io.hotline.infra.time;

import io.hotline.kernel.time.WorkingCalendar;
import io.hotline.kernel.time.WorkingPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar bean both sides share, from app.calendar. */
class CalendarConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(Clock.class, () -> Clock.fixed(Instant.parse("2025-12-15T02:00:00Z"), ZoneOffset.UTC))
            .withUserConfiguration(CalendarConfiguration.class);

    @TempDir
    Path dataDir;

    @Test
    void theCalendarDefaultsToShanghaiOfficeHoursWithoutAnySetting() {
        runner.run(context -> {
            WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(calendar.periods()).isEqualTo(WorkingCalendar.DEFAULT_PERIODS);
            assertThat(calendar.holidays().years()).containsExactly(2025, 2026);
        });
    }

    @Test
    void thePolicyYamlDefaultsBind() {
        runner.withInitializer(context -> {
            try {
                new YamlPropertySourceLoader().load("hotline-policy.yml", new ClassPathResource("hotline-policy.yml"))
                        .forEach(context.getEnvironment().getPropertySources()::addLast);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).withPropertyValues("app.zone=Asia/Urumqi").run(context -> {
            WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
            assertThat(calendar.zone()).as("follows app.zone").isEqualTo(ZoneId.of("Asia/Urumqi"));
            assertThat(calendar.periods()).containsExactly(WorkingPeriod.valueOf("09:00-12:00"),
                    WorkingPeriod.valueOf("13:30-17:30"));
        });
    }

    @Test
    void theCityZoneIsOneBeanThatFollowsTheCalendar() {
        runner.withPropertyValues("app.calendar.zone=Asia/Hong_Kong").run(context -> assertThat(context).getBean(ZoneId.class).isEqualTo(ZoneId.of("Asia/Hong_Kong")));
    }

    @Test
    void zoneAndOfficeHoursAreSettings() {
        runner.withPropertyValues("app.calendar.zone=Asia/Hong_Kong",
                "app.calendar.working-periods=08:30-12:00,14:00-18:00").run(context -> {
            WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Hong_Kong"));
            assertThat(calendar.workingDayLength()).isEqualTo(Duration.ofMinutes(450));
        });
    }

    @Test
    void aLaterYearLoadsFromTheDataDirectory() throws IOException {
        Files.writeString(dataDir.resolve("cn-2027.txt"), "2027-01-01 HOLIDAY 元旦\n");

        runner.withPropertyValues("app.calendar.data-dir=" + dataDir).run(context -> {
            WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
            assertThat(calendar.holidays().years()).containsExactly(2025, 2026, 2027);
            assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        });
    }

    @Test
    void aMalformedHolidayFileStopsTheStart() throws IOException {
        Files.writeString(dataDir.resolve("cn-2027.txt"), "2027-01-01 HOLIDAY 元旦\n2027-13-01 HOLIDAY ?\n");

        runner.withPropertyValues("app.calendar.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(HolidayDataException.class)
                    .hasMessageContaining("cn-2027.txt line 2");
        });
    }
}
