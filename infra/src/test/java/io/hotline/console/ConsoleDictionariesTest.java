package io.hotline.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console speaks Chinese and English alike: both dictionaries hold the same keys, and every key a screen asks
 * for by name ({@code t('…')}) is in them. No browser needed.
 */
class ConsoleDictionariesTest {

    private static final Path JS = Paths.get("src", "main", "resources", "static", "assets", "js");
    private static final Pattern ENTRY = Pattern.compile("^\\s*'([^']+)':", Pattern.MULTILINE);
    private static final Pattern LOOKUP = Pattern.compile("\\bt\\('([^']+)'");

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKeyAScreenUses() throws IOException {
        Set<String> chinese = keys(JS.resolve("lang/zh-CN.js"));
        Set<String> english = keys(JS.resolve("lang/en.js"));
        assertThat(chinese).hasSizeGreaterThan(200);
        assertThat(english).isEqualTo(chinese);

        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".js") && !path.startsWith(JS.resolve("lang")))
                    .toList()) {
                Matcher lookup = LOOKUP.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (lookup.find()) {
                    used.add(lookup.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(150);
        assertThat(chinese).containsAll(used);
    }

    @Test
    void noScreenLogsToTheConsoleOrLeavesAStub() throws IOException {
        try (Stream<Path> files = Files.walk(JS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".js")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(source).as(file.toString()).doesNotContain("console.log").doesNotContain("TODO")
                        .doesNotContain("debugger");
            }
        }
    }

    private static Set<String> keys(Path dictionary) throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher entry = ENTRY.matcher(Files.readString(dictionary, StandardCharsets.UTF_8));
        while (entry.find()) {
            assertThat(keys.add(entry.group(1))).as("key %s once in %s", entry.group(1), dictionary).isTrue();
        }
        return keys;
    }
}
