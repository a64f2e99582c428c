package io.hotline.command.units;

import io.hotline.kernel.units.DirectoryProblem;
import io.hotline.kernel.units.DirectoryRule;
import io.hotline.kernel.units.UnitEntry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules one unit's entry must keep on its own, whatever the rest of the tree. */
final class UnitRules {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final Pattern AREA_CODE = Pattern.compile("\\d{6}|\\d{12}");
    static final int FULL_NAME_MAX = 64;
    static final int SHORT_NAME_MAX = 16;

    private UnitRules() {
    }

    static void checkEntry(int row, UnitEntry unit, List<DirectoryProblem> problems) {
        if (unit.code() == null || !CODE.matcher(unit.code()).matches()) {
            problems.add(new DirectoryProblem(row, "code", DirectoryRule.CODE_FORMAT, DirectoryRule.CODE_FORMAT.message()));
        }
        checkNames(row, unit.fullName(), unit.shortName(), problems);
        if (unit.kind() == null) {
            problems.add(new DirectoryProblem(row, "kind", DirectoryRule.KIND_REQUIRED, DirectoryRule.KIND_REQUIRED.message()));
        }
        for (String area : unit.areaCodes()) {
            if (area == null || !AREA_CODE.matcher(area).matches()) {
                problems.add(new DirectoryProblem(row, "areaCodes", DirectoryRule.AREA_CODE_FORMAT,
                        "area code " + area + ": " + DirectoryRule.AREA_CODE_FORMAT.message()));
            }
        }
    }

    static void checkNames(int row, String fullName, String shortName, List<DirectoryProblem> problems) {
        if (fullName == null || fullName.isBlank() || fullName.strip().length() > FULL_NAME_MAX
                || shortName == null || shortName.isBlank() || shortName.strip().length() > SHORT_NAME_MAX) {
            problems.add(new DirectoryProblem(row, fullName == null || fullName.isBlank() ? "fullName" : "shortName",
                    DirectoryRule.NAME_REQUIRED, DirectoryRule.NAME_REQUIRED.message()));
        }
    }

    /** The units ordered so that each comes after its parent when the parent is among them (the file's order may not). */
    static List<UnitEntry> parentsFirst(List<UnitEntry> units) {
        Set<String> inFile = new HashSet<>();
        units.forEach(unit -> inFile.add(unit.code()));
        List<UnitEntry> ordered = new ArrayList<>(units.size());
        Set<String> placed = new HashSet<>();
        List<UnitEntry> waiting = new ArrayList<>(units);
        while (!waiting.isEmpty()) {
            List<UnitEntry> next = new ArrayList<>();
            for (UnitEntry unit : waiting) {
                String parent = unit.parent();
                if (parent == null || parent.isBlank() || !inFile.contains(parent) || placed.contains(parent)) {
                    ordered.add(unit);
                    placed.add(unit.code());
                } else {
                    next.add(unit);
                }
            }
            if (next.size() == waiting.size()) {
                throw new IllegalStateException("a cycle among the imported units passed the checks");
            }
            waiting = next;
        }
        return ordered;
    }
}
