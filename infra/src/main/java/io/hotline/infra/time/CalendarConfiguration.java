package io.hotline.infra.time;

import io.hotline.query.figures.facts.WorkingTime;
import io.hotline.kernel.time.HolidayCalendar;
import io.hotline.kernel.time.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;

/**
 * The one {@link WorkingCalendar} of a node, for both sides: the command side computes deadlines with it, the
 * query side measures handling time with it, so the two always agree on what a working day is.
 * <p>
 * A year without its holiday notice silently counts its holidays as working days, so the start-up log says
 * loudly when the current year, or in December the coming one, is missing: drop its {@code cn-YYYY.txt} into
 * {@code app.calendar.data-dir} and restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(CalendarProperties properties, Clock clock) {
        HolidayCalendar holidays = properties.dataDir() == null ? HolidayCalendarFiles.bundled()
                : HolidayCalendarFiles.bundledAnd(properties.dataDir());
        WorkingCalendar calendar = new WorkingCalendar(properties.zone(), properties.workingPeriods(), holidays);
        log.info("Working calendar: {}", calendar);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        warnIfMissing(holidays, today.getYear());
        if (today.getMonth() == Month.DECEMBER) {
            warnIfMissing(holidays, today.getYear() + 1);
        }
        return calendar;
    }

    /**
     * The city's zone ({@code app.calendar.zone}, which follows {@code app.zone}): local dates (a case number's
     * day, the figures' days and months, a search's date range, printed times) are all counted in the zone the
     * working calendar keeps. One bean, so no reader picks its own and none disagrees with another about the day.
     */
    @Bean
    ZoneId cityZone(CalendarProperties properties) {
        return properties.zone();
    }

    private static void warnIfMissing(HolidayCalendar holidays, int year) {
        if (!holidays.covers(year)) {
            log.warn("No holiday notice for {}: its public holidays count as working days and its make-up days as "
                    + "weekends until cn-{}.txt is added to app.calendar.data-dir", year, year);
        }
    }

    /** The figures count handling time in working time: weekends, holidays and the lunch break do not count. */
    @Bean
    io.hotline.query.figures.facts.WorkingTime workingTime(WorkingCalendar calendar) {
        return (from, to) -> to.isAfter(from) ? calendar.workingTimeBetween(from, to) : java.time.Duration.ZERO;
    }
}
