package io.hotline.command.units;

import io.hotline.kernel.units.DirectoryProblem;
import io.hotline.kernel.units.DirectoryRule;
import io.hotline.kernel.units.UnitEntry;
import io.hotline.kernel.units.UnitKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directory's CSV file (UTF-8, with a byte-order mark or without), one unit a row under the header
 * {@code code,fullName,shortName,kind,parent,areaCodes,contact,inServiceFrom}; several area codes are separated by
 * {@code ;}. Cells that cannot be read (an unknown kind, a date that is no date, a missing column) are problems of
 * their row, collected with the directory's own so the whole file is refused with every error at once.
 */
final class UnitsCsv {

    static final List<String> HEADER = List.of("code", "fullName", "shortName", "kind", "parent", "areaCodes",
            "contact", "inServiceFrom");

    /** The units of a file, and the problems of the cells that could not be read. */
    record Parsed(List<UnitEntry> units, List<DirectoryProblem> problems) {
    }

    private UnitsCsv() {
    }

    static Parsed parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<UnitEntry> units = new ArrayList<>();
        List<DirectoryProblem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Set<String> missing = new LinkedHashSet<>(HEADER);
            missing.removeAll(parser.getHeaderNames());
            if (!missing.isEmpty()) {
                problems.add(new DirectoryProblem(0, "header", DirectoryRule.UNREADABLE,
                        "the header lacks " + missing + "; expected " + String.join(",", HEADER)));
                return new Parsed(units, problems);
            }
            int row = 0;
            for (CSVRecord record : parser) {
                units.add(entry(++row, record, problems));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new DirectoryProblem(0, "file", DirectoryRule.UNREADABLE, "not a readable CSV file"));
        }
        return new Parsed(units, problems);
    }

    private static UnitEntry entry(int row, CSVRecord record, List<DirectoryProblem> problems) {
        UnitKind kind = null;
        String kindCell = cell(record, "kind");
        if (kindCell != null) {
            try {
                kind = UnitKind.valueOf(kindCell);
            } catch (IllegalArgumentException e) {
                problems.add(new DirectoryProblem(row, "kind", DirectoryRule.UNREADABLE,
                        "kind " + kindCell + " is none of " + Arrays.toString(UnitKind.values())));
            }
        }
        LocalDate from = null;
        String fromCell = cell(record, "inServiceFrom");
        if (fromCell != null) {
            try {
                from = LocalDate.parse(fromCell);
            } catch (DateTimeParseException e) {
                problems.add(new DirectoryProblem(row, "inServiceFrom", DirectoryRule.UNREADABLE,
                        "inServiceFrom " + fromCell + " is not a date (YYYY-MM-DD)"));
            }
        }
        String areas = cell(record, "areaCodes");
        List<String> areaCodes = areas == null ? List.of()
                : Arrays.stream(areas.split(";")).map(String::strip).filter(area -> !area.isEmpty()).toList();
        return new UnitEntry(cell(record, "code"), cell(record, "fullName"), cell(record, "shortName"), kind,
                cell(record, "parent"), areaCodes, cell(record, "contact"), from);
    }

    private static String cell(CSVRecord record, String column) {
        String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
        return value == null || value.isBlank() ? null : value.strip();
    }
}
