package io.hotline.infra.time;

import io.hotline.kernel.time.WorkingCalendar;
import io.hotline.kernel.time.WorkingPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The working-time calendar's settings under {@code app.calendar}; the defaults are in {@code hotline-policy.yml}
 * and, should that file be missing, the calendar's own defaults.
 *
 * @param zone           {@code zone}: the offices' time zone (default Asia/Shanghai)
 * @param workingPeriods {@code working-periods}: office hours of a working day, e.g. {@code "09:00-12:00"}
 * @param dataDir        {@code data-dir}: optional directory of {@code cn-YYYY.txt} holiday files for years
 *                       announced after the build, or corrections of bundled years
 */
@ConfigurationProperties("app.calendar")
record CalendarProperties(ZoneId zone, List<WorkingPeriod> workingPeriods, Path dataDir) {

    CalendarProperties {
        zone = zone == null ? WorkingCalendar.DEFAULT_ZONE : zone;
        workingPeriods = workingPeriods == null || workingPeriods.isEmpty() ? WorkingCalendar.DEFAULT_PERIODS
                : List.copyOf(workingPeriods);
    }
}
