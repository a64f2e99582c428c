package io.hotline.kernel.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The State Council's holiday notices for 2025 and 2026, written out for tests (the same days as the files the
 * platform ships), so the calendar's rules are tested on real years without loading files.
 */
final class NoticesFor2025And2026 {

    private final List<AnnouncedDay> days = new ArrayList<>();

    private NoticesFor2025And2026() {
    }

    static HolidayCalendar holidays() {
        NoticesFor2025And2026 notices = new NoticesFor2025And2026()
                .off("2025-01-01", 1, "元旦")
                .off("2025-01-28", 8, "春节").work("2025-01-26", "春节调休上班").work("2025-02-08", "春节调休上班")
                .off("2025-04-04", 3, "清明节")
                .off("2025-05-01", 5, "劳动节").work("2025-04-27", "劳动节调休上班")
                .off("2025-05-31", 3, "端午节")
                .off("2025-10-01", 8, "国庆节、中秋节")
                .work("2025-09-28", "国庆节、中秋节调休上班").work("2025-10-11", "国庆节、中秋节调休上班")
                .off("2026-01-01", 3, "元旦").work("2026-01-04", "元旦调休上班")
                .off("2026-02-15", 9, "春节").work("2026-02-14", "春节调休上班").work("2026-02-28", "春节调休上班")
                .off("2026-04-04", 3, "清明节")
                .off("2026-05-01", 5, "劳动节").work("2026-05-09", "劳动节调休上班")
                .off("2026-06-19", 3, "端午节")
                .off("2026-09-25", 3, "中秋节")
                .off("2026-10-01", 7, "国庆节").work("2026-09-20", "国庆节调休上班").work("2026-10-10", "国庆节调休上班");
        return new HolidayCalendar(List.of(2025, 2026), notices.days);
    }

    private NoticesFor2025And2026 off(String first, int length, String name) {
        LocalDate start = LocalDate.parse(first);
        for (int day = 0; day < length; day++) {
            days.add(new AnnouncedDay(start.plusDays(day), AnnouncedDay.Kind.HOLIDAY, name));
        }
        return this;
    }

    private NoticesFor2025And2026 work(String date, String name) {
        days.add(new AnnouncedDay(LocalDate.parse(date), AnnouncedDay.Kind.WORKDAY, name));
        return this;
    }
}
