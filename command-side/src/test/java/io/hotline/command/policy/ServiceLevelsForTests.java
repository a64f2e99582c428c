package io.hotline.command.policy;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;
import io.hotline.kernel.time.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static io.hotline.command.policy.TimeLimit.Unit.HOURS;
import static io.hotline.command.policy.TimeLimit.Unit.MINUTES;
import static io.hotline.command.policy.TimeLimit.Unit.WORKING_DAYS;

/** The default tiers of hotline-policy.yml written out, and the calendar pinned to the 2025 and 2026 notices. */
final class ServiceLevelsForTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkingCalendar CALENDAR = WorkingCalendar.standard(NoticesFor2025And2026.holidays());

    static final ServiceLevelPolicy DEFAULTS = new ServiceLevelPolicy(
            new ServiceLevelPolicy.ServiceLevel(TimeLimit.of(1, WORKING_DAYS), TimeLimit.of(10, WORKING_DAYS)),
            List.of(
                    ServiceLevelPolicy.Rule.forUrgency(Urgency.EMERGENCY, TimeLimit.of(15, MINUTES),
                            TimeLimit.of(24, HOURS)),
                    ServiceLevelPolicy.Rule.forUrgency(Urgency.URGENT, TimeLimit.of(2, HOURS), TimeLimit.of(24, HOURS)),
                    ServiceLevelPolicy.Rule.forUrgency(Urgency.NORMAL, TimeLimit.of(1, WORKING_DAYS), null),
                    finish(Category.CONSULTATION, 2),
                    finish(Category.THANKS, 2),
                    finish(Category.HELP, 5),
                    finish(Category.SUGGESTION, 10),
                    finish(Category.COMPLAINT, 10),
                    finish(Category.REPORT, 15)));

    private ServiceLevelsForTests() {
    }

    /** A Shanghai wall-clock time, e.g. {@code "2025-03-10T10:00"}. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static ServiceLevelPolicy.Rule finish(Category category, int workingDays) {
        return ServiceLevelPolicy.Rule.forCategory(category, Urgency.NORMAL, null, TimeLimit.of(workingDays,
                WORKING_DAYS));
    }
}
