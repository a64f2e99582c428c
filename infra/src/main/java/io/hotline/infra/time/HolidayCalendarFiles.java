package io.hotline.infra.time;

import io.hotline.kernel.time.AnnouncedDay;
import io.hotline.kernel.time.HolidayCalendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fills the kernel's {@link HolidayCalendar}, which is pure code, from the holiday notices kept as plain-text
 * files, one per year, named {@code cn-YYYY.txt}:
 * <pre>
 * # 国务院办公厅关于2025年部分节假日安排的通知
 * 2025-01-01 HOLIDAY 元旦
 * 2025-01-26 WORKDAY 春节调休上班
 * </pre>
 * One date per line, then {@code HOLIDAY} (放假) or {@code WORKDAY} (调休上班), then an optional name;
 * {@code #} starts a comment. Files are UTF-8.
 * <p>
 * The years known when the software was built ship inside it; the State Council announces the next year each
 * autumn, so a directory given at run time may add {@code cn-YYYY.txt} files without a rebuild. A file there
 * replaces the bundled file of the same year, which is how a correction ships too.
 * <p>
 * A malformed line stops loading with a message naming the file and the line: a skipped holiday would silently
 * shorten every deadline around it.
 */
final class HolidayCalendarFiles {

    /** Where the bundled files live on the class path, beside this class. */
    static final String BUNDLED_LOCATION = "io/hotline/infra/time/";

    /**
     * The years probed on the class path. A jar's directories cannot be listed portably, so the loader asks for
     * each year's file by name; a few dozen lookups at start-up cost nothing.
     */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    private static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.txt");
    private static final Pattern FIELDS = Pattern.compile("(\\S+)\\s+(\\S+)(?:\\s+(.*))?");

    private HolidayCalendarFiles() {
    }

    /** The years bundled with the software. */
    static HolidayCalendar bundled() {
        return merge(bundledFiles());
    }

    /**
     * The bundled years plus every {@code cn-YYYY.txt} in {@code directory}; a year found in both is taken from
     * the directory. Other files in the directory are ignored.
     *
     * @throws HolidayDataException if the directory cannot be read or a file in it is malformed
     */
    static HolidayCalendar bundledAnd(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new HolidayDataException("The holiday data directory " + directory + " does not exist or is not "
                    + "a directory");
        }
        Map<Integer, YearFile> files = new TreeMap<>();
        bundledFiles().forEach(file -> files.put(file.year(), file));
        directoryFiles(directory).forEach(file -> files.put(file.year(), file));
        return merge(new ArrayList<>(files.values()));
    }

    /**
     * Reads one year's lines.
     *
     * @param source how messages name the file
     * @param year   the year in the file's name; dates must lie in it or, as in the notice for 2019, in the
     *               year before
     */
    static List<AnnouncedDay> parse(String source, int year, List<String> lines) {
        List<AnnouncedDay> days = new ArrayList<>();
        Map<LocalDate, Integer> lineOfDate = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            String line = lines.get(index);
            if (index == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            int comment = line.indexOf('#');
            String content = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (content.isEmpty()) {
                continue;
            }
            Matcher fields = FIELDS.matcher(content);
            if (!fields.matches()) {
                throw malformed(source, lineNumber, "expected 'YYYY-MM-DD HOLIDAY|WORKDAY name', found '"
                        + content + "'");
            }
            LocalDate date = date(source, lineNumber, fields.group(1));
            AnnouncedDay.Kind kind = kind(source, lineNumber, fields.group(2));
            if (date.getYear() != year && date.getYear() != year - 1) {
                throw malformed(source, lineNumber, "the date " + date + " does not belong to the notice for "
                        + year);
            }
            Integer earlier = lineOfDate.putIfAbsent(date, lineNumber);
            if (earlier != null) {
                throw malformed(source, lineNumber, "the date " + date + " is already listed on line " + earlier);
            }
            days.add(new AnnouncedDay(date, kind, fields.group(3)));
        }
        if (days.isEmpty()) {
            throw new HolidayDataException(source + ": names no days; a year's notice always has holidays");
        }
        return days;
    }

    private static LocalDate date(String source, int line, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(source, line, "'" + text + "' is not a date like 2025-01-01");
        }
    }

    private static AnnouncedDay.Kind kind(String source, int line, String text) {
        try {
            return AnnouncedDay.Kind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed(source, line, "'" + text + "' is neither HOLIDAY nor WORKDAY");
        }
    }

    private static HolidayDataException malformed(String source, int line, String problem) {
        return new HolidayDataException(source + " line " + line + ": " + problem);
    }

    private static HolidayCalendar merge(List<YearFile> files) {
        Map<LocalDate, String> sourceOfDate = new HashMap<>();
        List<AnnouncedDay> days = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (YearFile file : files) {
            years.add(file.year());
            for (AnnouncedDay day : file.days()) {
                String earlier = sourceOfDate.putIfAbsent(day.date(), file.source());
                if (earlier != null) {
                    throw new HolidayDataException("The date " + day.date() + " is listed both in " + earlier
                            + " and in " + file.source());
                }
                days.add(day);
            }
        }
        return new HolidayCalendar(years, days);
    }

    private static List<YearFile> bundledFiles() {
        ClassLoader loader = HolidayCalendarFiles.class.getClassLoader();
        List<YearFile> files = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            String name = BUNDLED_LOCATION + "cn-" + year + ".txt";
            URL url = loader.getResource(name);
            if (url != null) {
                String source = "classpath:" + name;
                files.add(new YearFile(year, source, parse(source, year, readBundled(url, source))));
            }
        }
        return files;
    }

    private static List<String> readBundled(URL url, String source) {
        try (InputStream in = url.openStream()) {
            return decode(in.readAllBytes(), source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }

    private static List<YearFile> directoryFiles(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            List<YearFile> files = new ArrayList<>();
            for (Path path : entries.sorted().toList()) {
                Matcher name = FILE_NAME.matcher(path.getFileName().toString());
                if (name.matches() && Files.isRegularFile(path)) {
                    int year = Integer.parseInt(name.group(1));
                    String source = path.toString();
                    files.add(new YearFile(year, source, parse(source, year, decode(Files.readAllBytes(path),
                            source))));
                }
            }
            return files;
        } catch (IOException e) {
            throw new HolidayDataException("Cannot read the holiday data directory " + directory + ": " + e, e);
        }
    }

    private static List<String> decode(byte[] bytes, String source) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            throw new HolidayDataException(source + ": not UTF-8 text", e);
        }
    }

    private record YearFile(int year, String source, List<AnnouncedDay> days) {
    }
}
