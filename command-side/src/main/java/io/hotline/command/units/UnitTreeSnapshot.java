package io.hotline.command.units;

import io.hotline.kernel.units.UnitEntry;
import io.hotline.kernel.units.UnitEstablished;
import io.hotline.kernel.units.UnitMoved;
import io.hotline.kernel.units.UnitRenamed;
import io.hotline.kernel.units.UnitRetired;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable state of the {@link UnitTree}: the units by code, the codes under each unit, and the sequence
 * number of the directory's last event it holds. A change makes a new snapshot (a few thousand units are copied in
 * a blink, and changes are rare), so readers never lock and never see half an import.
 */
record UnitTreeSnapshot(Map<String, UnitTree.Unit> units, Map<String, List<String>> children, long lastSequence) {

    /** The key the roots are listed under in {@link #children()}. */
    static final String ROOT = "";

    static final UnitTreeSnapshot EMPTY = new UnitTreeSnapshot(Map.of(), Map.of(), -1);

    /** This state with the directory's events applied, up to {@code lastSequence}. */
    UnitTreeSnapshot with(List<Object> events, long lastSequence) {
        if (events.isEmpty()) {
            return lastSequence == this.lastSequence ? this : new UnitTreeSnapshot(units, children, lastSequence);
        }
        Map<String, UnitTree.Unit> next = new HashMap<>(units);
        for (Object event : events) {
            apply(next, event);
        }
        Map<String, List<String>> under = new HashMap<>();
        for (UnitTree.Unit unit : next.values()) {
            under.computeIfAbsent(unit.parent() == null ? ROOT : unit.parent(), key -> new ArrayList<>()).add(unit.code());
        }
        Map<String, List<String>> sorted = new HashMap<>();
        under.forEach((parent, codes) -> sorted.put(parent, codes.stream().sorted().toList()));
        return new UnitTreeSnapshot(Map.copyOf(next), Map.copyOf(sorted), lastSequence);
    }

    private static void apply(Map<String, UnitTree.Unit> units, Object event) {
        if (event instanceof UnitEstablished established) {
            UnitEntry entry = established.unit();
            units.put(entry.code(), new UnitTree.Unit(entry.code(), entry.fullName(), entry.shortName(), entry.kind(),
                    blankToNull(entry.parent()), entry.areaCodes(), entry.inServiceFrom(), null, null,
                    established.demo()));
        } else if (event instanceof UnitRenamed renamed) {
            units.computeIfPresent(renamed.code(), (code, unit) -> new UnitTree.Unit(code, renamed.fullName(),
                    renamed.shortName(), unit.kind(), unit.parent(), unit.areaCodes(), unit.inServiceFrom(),
                    unit.lastDay(), unit.successor(), unit.demo()));
        } else if (event instanceof UnitMoved moved) {
            units.computeIfPresent(moved.code(), (code, unit) -> new UnitTree.Unit(code, unit.fullName(),
                    unit.shortName(), unit.kind(), blankToNull(moved.parent()), unit.areaCodes(), unit.inServiceFrom(),
                    unit.lastDay(), unit.successor(), unit.demo()));
        } else if (event instanceof UnitRetired retired) {
            units.computeIfPresent(retired.code(), (code, unit) -> new UnitTree.Unit(code, unit.fullName(),
                    unit.shortName(), unit.kind(), unit.parent(), unit.areaCodes(), unit.inServiceFrom(),
                    retired.lastDay(), retired.successor(), unit.demo()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
