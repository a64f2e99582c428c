package io.hotline.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every name a console module imports is exported by the module it names, and that module exists: a name dropped
 * from an import list, or a helper moved to another module, stops the whole page (a blank screen, no test of a
 * screen needed to see it). The same check for a quick look: {@code node infra/src/test/js/imports-exported.mjs}.
 */
class ConsoleModulesTest {

    private static final Path ASSETS = Paths.get("src", "main", "resources", "static", "assets");
    private static final Pattern IMPORT = Pattern.compile("import\\s*\\{([^}]*)}\\s*from\\s*'(\\.[^']+)'");
    private static final Pattern EXPORTED = Pattern.compile(
            "(?m)^export\\s+(?:async\\s+)?(?:function\\*?|const|let|var|class)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern EXPORT_LIST = Pattern.compile("(?m)^export\\s*\\{([^}]*)}");

    @Test
    void everyImportedNameIsExportedByItsModule() throws IOException {
        List<String> missing = new ArrayList<>();
        int imports = 0;
        try (Stream<Path> files = Files.walk(ASSETS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".js")).toList()) {
                Matcher found = IMPORT.matcher(Files.readString(file));
                while (found.find()) {
                    Path module = file.getParent().resolve(found.group(2)).normalize();
                    if (!Files.isRegularFile(module)) {
                        missing.add(file + ": " + found.group(2) + " does not exist");
                        continue;
                    }
                    Set<String> exported = exportsOf(module);
                    for (String name : found.group(1).split(",")) {
                        String imported = name.strip().split("\\s+as\\s+")[0];
                        if (imported.isEmpty()) {
                            continue;
                        }
                        imports++;
                        if (!exported.contains(imported)) {
                            missing.add(file + ": " + imported + " is not exported by " + found.group(2));
                        }
                    }
                }
            }
        }
        assertThat(imports).as("names imported by the console's modules").isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    private static Set<String> exportsOf(Path module) throws IOException {
        String text = Files.readString(module);
        Set<String> names = new HashSet<>();
        Matcher declared = EXPORTED.matcher(text);
        while (declared.find()) {
            names.add(declared.group(1));
        }
        Matcher listed = EXPORT_LIST.matcher(text);
        while (listed.find()) {
            for (String name : listed.group(1).split(",")) {
                String[] parts = name.strip().split("\\s+as\\s+");
                names.add(parts[parts.length - 1]);
            }
        }
        return names;
    }
}
