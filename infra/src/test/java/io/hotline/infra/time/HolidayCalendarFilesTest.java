package io.hotline.infra.time;

import io.hotline.kernel.time.AnnouncedDay;
import io.hotline.kernel.time.HolidayCalendar;
import io.hotline.kernel.time.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading the yearly notices: the bundled years, later years from a directory, and refusing bad data. */
class HolidayCalendarFilesTest {

    @TempDir
    Path directory;

    @Test
    void theBundledDataCovers2025And2026() {
        HolidayCalendar bundled = HolidayCalendarFiles.bundled();

        assertThat(bundled.years()).containsExactly(2025, 2026);
        assertThat(bundled.lookup(LocalDate.parse("2025-01-28")))
                .hasValue(new AnnouncedDay(LocalDate.parse("2025-01-28"), AnnouncedDay.Kind.HOLIDAY, "春节"));
        assertThat(bundled.lookup(LocalDate.parse("2026-02-28")))
                .hasValue(new AnnouncedDay(LocalDate.parse("2026-02-28"), AnnouncedDay.Kind.WORKDAY, "春节调休上班"));
    }

    @Test
    void everyBundledMakeUpDayFallsOnAWeekend() {
        assertThat(HolidayCalendarFiles.bundled().days())
                .filteredOn(AnnouncedDay::isWorkingDay)
                .hasSize(11)
                .allSatisfy(day -> assertThat(day.date().getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void eachBundledYearHas248WorkingDaysAsThirteenStatutoryHolidaysImply() {
        // 365 days less 104 weekend days less the 13 statutory holidays of the 2024 revision: the make-up days
        // only move days off around, they do not add any.
        WorkingCalendar calendar = WorkingCalendar.standard(HolidayCalendarFiles.bundled());
        for (int year : List.of(2025, 2026)) {
            long workingDays = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                    .filter(calendar::isWorkingDay).count();
            assertThat(workingDays).as("working days in %d", year).isEqualTo(248);
        }
    }

    @Test
    void anExtraYearLoadsFromADirectoryWithoutARebuild() throws IOException {
        write("cn-2027.txt", """
                # 国务院办公厅关于2027年部分节假日安排的通知 (test data)
                2027-01-01 HOLIDAY 元旦
                2027-02-20 WORKDAY 春节调休上班
                """);

        HolidayCalendar calendar = HolidayCalendarFiles.bundledAnd(directory);

        assertThat(calendar.years()).containsExactly(2025, 2026, 2027);
        WorkingCalendar working = WorkingCalendar.standard(calendar);
        assertThat(working.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(working.isWorkingDay(LocalDate.parse("2027-02-20"))).isTrue();
        assertThat(working.isWorkingDay(LocalDate.parse("2025-01-01"))).isFalse();
    }

    @Test
    void aYearInTheDirectoryReplacesTheBundledYear() throws IOException {
        write("cn-2025.txt", "2025-01-01 HOLIDAY 元旦\n");

        HolidayCalendar calendar = HolidayCalendarFiles.bundledAnd(directory);

        assertThat(calendar.lookup(LocalDate.parse("2025-01-01"))).isPresent();
        assertThat(calendar.lookup(LocalDate.parse("2025-01-28"))).isEmpty();
        assertThat(calendar.lookup(LocalDate.parse("2026-02-16"))).isPresent();
    }

    @Test
    void otherFilesInTheDirectoryAreIgnored() throws IOException {
        write("README.txt", "not holiday data");
        write("cn-2027.txt.bak", "garbage");

        assertThat(HolidayCalendarFiles.bundledAnd(directory).years()).containsExactly(2025, 2026);
    }

    @Test
    void commentsBlankLinesAndAByteOrderMarkAreAccepted() {
        List<AnnouncedDay> days = HolidayCalendarFiles.parse("cn-2027.txt", 2027, List.of(
                "\uFEFF# a notice saved by a Windows editor", "", "   ", "2027-01-01\tHOLIDAY  元旦 # New Year",
                "2027-01-02 holiday"));

        assertThat(days).containsExactly(
                new AnnouncedDay(LocalDate.parse("2027-01-01"), AnnouncedDay.Kind.HOLIDAY, "元旦"),
                new AnnouncedDay(LocalDate.parse("2027-01-02"), AnnouncedDay.Kind.HOLIDAY, ""));
    }

    @Test
    void aNoticeMayNameLateDecemberOfTheYearBefore() {
        assertThat(HolidayCalendarFiles.parse("cn-2019.txt", 2019, List.of("2018-12-29 WORKDAY 元旦调休上班")))
                .extracting(AnnouncedDay::date).containsExactly(LocalDate.parse("2018-12-29"));
    }

    @Test
    void aMalformedFileFailsNamingTheFileAndTheLine() throws IOException {
        Path file = write("cn-2027.txt", """
                # 2027
                2027-01-01 HOLIDAY 元旦
                2027-02-30 HOLIDAY 春节
                """);

        assertThatThrownBy(() -> HolidayCalendarFiles.bundledAnd(directory))
                .isInstanceOf(HolidayDataException.class)
                .hasMessageStartingWith(file + " line 3: ")
                .hasMessageContaining("2027-02-30");
    }

    @Test
    void anUnknownKindIsMalformed() {
        assertThatThrownBy(() -> parse("2027-01-01 HOLIDY 元旦"))
                .isInstanceOf(HolidayDataException.class)
                .hasMessage("cn-2027.txt line 1: 'HOLIDY' is neither HOLIDAY nor WORKDAY");
    }

    @Test
    void aLineWithoutAKindIsMalformed() {
        assertThatThrownBy(() -> parse("2027-01-01"))
                .isInstanceOf(HolidayDataException.class)
                .hasMessageStartingWith("cn-2027.txt line 1: expected");
    }

    @Test
    void aDateOutsideTheNoticesYearIsMalformed() {
        assertThatThrownBy(() -> parse("2027-01-01 HOLIDAY 元旦", "2072-10-01 HOLIDAY 国庆"))
                .isInstanceOf(HolidayDataException.class)
                .hasMessage("cn-2027.txt line 2: the date 2072-10-01 does not belong to the notice for 2027");
    }

    @Test
    void aDateListedTwiceIsMalformed() {
        assertThatThrownBy(() -> parse("2027-01-01 HOLIDAY 元旦", "# again", "2027-01-01 WORKDAY 元旦"))
                .isInstanceOf(HolidayDataException.class)
                .hasMessage("cn-2027.txt line 3: the date 2027-01-01 is already listed on line 1");
    }

    @Test
    void aDateInTwoYearsFilesIsRefused() throws IOException {
        write("cn-2027.txt", "2026-10-01 HOLIDAY 国庆\n");

        assertThatThrownBy(() -> HolidayCalendarFiles.bundledAnd(directory))
                .isInstanceOf(HolidayDataException.class)
                .hasMessageContaining("2026-10-01 is listed both in classpath:io/hotline/infra/time/cn-2026.txt");
    }

    @Test
    void aFileNamingNoDaysIsRefused() {
        assertThatThrownBy(() -> parse("# nothing yet"))
                .isInstanceOf(HolidayDataException.class)
                .hasMessageContaining("names no days");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path file = directory.resolve("cn-2027.txt");
        Files.write(file, "2027-01-01 HOLIDAY 元旦\n".getBytes("GBK"));

        assertThatThrownBy(() -> HolidayCalendarFiles.bundledAnd(directory))
                .isInstanceOf(HolidayDataException.class)
                .hasMessage(file + ": not UTF-8 text");
    }

    @Test
    void aMissingDirectoryIsRefused() {
        assertThatThrownBy(() -> HolidayCalendarFiles.bundledAnd(directory.resolve("absent")))
                .isInstanceOf(HolidayDataException.class)
                .hasMessageContaining("does not exist");
    }

    private static List<AnnouncedDay> parse(String... lines) {
        return HolidayCalendarFiles.parse("cn-2027.txt", 2027, List.of(lines));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
