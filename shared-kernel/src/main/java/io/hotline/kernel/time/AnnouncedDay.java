package io.hotline.kernel.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A date the State Council's annual holiday notice (国务院办公厅关于部分节假日安排的通知) names: either a day
 * off ({@link Kind#HOLIDAY}, 放假) or a make-up working day ({@link Kind#WORKDAY}, 调休上班日). Every other
 * date follows the week: Monday to Friday work, Saturday and Sunday off.
 *
 * @param name what the notice calls it, e.g. 春节 or 春节调休上班; for people reading the data, never for rules
 */
public record AnnouncedDay(LocalDate date, Kind kind, String name) {

    public enum Kind {
        /** 放假: no work, whatever the weekday. */
        HOLIDAY,
        /** 调休上班: a working day, even on a Saturday or Sunday. */
        WORKDAY
    }

    public AnnouncedDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name.strip();
    }

    public boolean isWorkingDay() {
        return kind == Kind.WORKDAY;
    }

    /** Whether the day differs from what the weekday alone would say (a holiday on a Sunday does not). */
    public boolean changesTheWeek() {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend == isWorkingDay();
    }
}
