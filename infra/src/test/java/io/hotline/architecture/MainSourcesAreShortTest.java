package io.hotline.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A class does one thing: no main source file of any module grows past 400 lines. */
class MainSourcesAreShortTest {

    private static final int MAX_LINES = 400;
    private static final List<String> MODULES = List.of("shared-kernel", "command-side", "query-side", "infra");

    @Test
    void noMainSourceFileIsOver400Lines() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, Long> tooLong = new TreeMap<>();
        long files = 0;
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> walk = Files.walk(sources)) {
                for (Path file : walk.filter(path -> path.toString().endsWith(".java")).toList()) {
                    files++;
                    long lines = lines(file);
                    if (lines > MAX_LINES) {
                        tooLong.put(root.relativize(file).toString(), lines);
                    }
                }
            }
        }
        assertThat(files).as("main source files found").isGreaterThan(100);
        assertThat(tooLong).as("files over %d lines", MAX_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
