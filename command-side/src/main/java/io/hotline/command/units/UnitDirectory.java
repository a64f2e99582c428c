package io.hotline.command.units;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.units.DirectoryProblem;
import io.hotline.kernel.units.DirectoryRule;
import io.hotline.kernel.units.EstablishUnit;
import io.hotline.kernel.units.ImportUnits;
import io.hotline.kernel.units.MoveUnit;
import io.hotline.kernel.units.RenameUnit;
import io.hotline.kernel.units.RetireUnit;
import io.hotline.kernel.units.UnitEntry;
import io.hotline.kernel.units.UnitEstablished;
import io.hotline.kernel.units.UnitKind;
import io.hotline.kernel.units.UnitMoved;
import io.hotline.kernel.units.UnitRenamed;
import io.hotline.kernel.units.UnitRetired;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 单位目录: the city's units as one tree, one aggregate, so the rules that span units (a code taken once, no
 * cycles, a parent in service, which kind sits under which) are checked against the whole tree in one place. A
 * city has a few thousand units and changes them rarely; the whole tree fits in memory easily.
 * <p>
 * Nothing is ever removed: a unit is renamed (the old name stays with its time), moved, or retired (merged into a
 * successor or dissolved), so history keeps the unit as it was.
 */
@Aggregate
public class UnitDirectory {

    /** The one directory of a deployment. */
    public static final String ID = "unit-directory";

    @AggregateIdentifier
    private String id;
    private final Map<String, Node> units = new HashMap<>();

    /** What the rules need to know of a unit. */
    private record Node(UnitKind kind, String parent, LocalDate lastDay) {

        boolean inServiceOn(LocalDate day) {
            return lastDay == null || !day.isAfter(lastDay);
        }
    }

    protected UnitDirectory() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EstablishUnit command, Clock clock, ZoneId zone) {
        requireAdministrator(command.actor());
        List<DirectoryProblem> problems = new ArrayList<>();
        UnitRules.checkEntry(0, command.unit(), problems);
        checkPlacement(0, command.unit(), Map.of(), LocalDate.now(clock.withZone(zone)), problems);
        refuseIf(problems);
        apply(new UnitEstablished(ID, command.unit(), false, command.actor(), clock.instant()));
    }

    /** All or nothing: every row is checked, against the directory and the other rows, before anything is stored. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportUnits command, Clock clock, ZoneId zone) {
        requireAdministrator(command.actor());
        List<DirectoryProblem> problems = new ArrayList<>();
        if (command.units().isEmpty()) {
            problems.add(new DirectoryProblem(0, "file", DirectoryRule.EMPTY_IMPORT, DirectoryRule.EMPTY_IMPORT.message()));
        }
        Map<String, UnitEntry> inFile = new HashMap<>();
        int row = 0;
        for (UnitEntry unit : command.units()) {
            row++;
            UnitRules.checkEntry(row, unit, problems);
            if (unit.code() != null && inFile.putIfAbsent(unit.code(), unit) != null) {
                problems.add(new DirectoryProblem(row, "code", DirectoryRule.CODE_TAKEN,
                        "code " + unit.code() + " appears twice in the file"));
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        row = 0;
        for (UnitEntry unit : command.units()) {
            checkPlacement(++row, unit, inFile, today, problems);
        }
        refuseIf(problems);
        Instant at = clock.instant();
        for (UnitEntry unit : UnitRules.parentsFirst(command.units())) {
            apply(new UnitEstablished(ID, unit, command.demo(), command.actor(), at));
        }
    }

    @CommandHandler
    void handle(RenameUnit command, Clock clock, ZoneId zone) {
        requireAdministrator(command.actor());
        List<DirectoryProblem> problems = new ArrayList<>();
        Node node = known(command.code(), problems);
        UnitRules.checkNames(0, command.fullName(), command.shortName(), problems);
        if (node != null && !node.inServiceOn(LocalDate.now(clock.withZone(zone)))) {
            problems.add(problem("code", DirectoryRule.OUT_OF_SERVICE));
        }
        refuseIf(problems);
        apply(new UnitRenamed(ID, command.code(), command.fullName().strip(), command.shortName().strip(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    void handle(MoveUnit command, Clock clock, ZoneId zone) {
        requireAdministrator(command.actor());
        List<DirectoryProblem> problems = new ArrayList<>();
        Node node = known(command.code(), problems);
        refuseIf(problems);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        checkParent(0, node.kind(), command.parent(), Map.of(), today, problems);
        for (String above = command.parent(); above != null && units.containsKey(above); above = units.get(above).parent()) {
            if (above.equals(command.code())) {
                problems.add(problem("parent", DirectoryRule.CYCLE));
                break;
            }
        }
        refuseIf(problems);
        apply(new UnitMoved(ID, command.code(), command.parent(), node.parent(), command.actor(), clock.instant()));
    }

    @CommandHandler
    void handle(RetireUnit command, Clock clock, ZoneId zone) {
        requireAdministrator(command.actor());
        List<DirectoryProblem> problems = new ArrayList<>();
        Node node = known(command.code(), problems);
        refuseIf(problems);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate lastDay = command.lastDay() == null ? today : command.lastDay();
        if (!node.inServiceOn(today)) {
            problems.add(problem("code", DirectoryRule.OUT_OF_SERVICE));
        }
        if (command.successor() != null) {
            Node successor = units.get(command.successor());
            if (successor == null || command.successor().equals(command.code()) || !successor.inServiceOn(lastDay.plusDays(1))) {
                problems.add(problem("successor", DirectoryRule.SUCCESSOR_INVALID));
            }
        }
        boolean childrenStay = units.values().stream()
                .anyMatch(child -> command.code().equals(child.parent()) && child.inServiceOn(lastDay.plusDays(1)));
        if (childrenStay) {
            problems.add(problem("code", DirectoryRule.HAS_UNITS_IN_SERVICE));
        }
        refuseIf(problems);
        apply(new UnitRetired(ID, command.code(), lastDay, command.successor(), command.actor(), clock.instant()));
    }

    // ------------------------------------------------------------------ rules over the tree

    private void checkPlacement(int row, UnitEntry unit, Map<String, UnitEntry> inFile, LocalDate today,
                                List<DirectoryProblem> problems) {
        if (unit.code() != null && units.containsKey(unit.code())) {
            problems.add(new DirectoryProblem(row, "code", DirectoryRule.CODE_TAKEN,
                    "code " + unit.code() + " is already taken"));
        }
        if (unit.kind() != null) {
            checkParent(row, unit.kind(), unit.parent(), inFile, today, problems);
        }
        // Within one file, a chain of parents that comes back to a row is a cycle (the directory has none).
        String above = unit.parent();
        for (int steps = 0; above != null && inFile.containsKey(above) && steps <= inFile.size(); steps++) {
            if (above.equals(unit.code())) {
                problems.add(new DirectoryProblem(row, "parent", DirectoryRule.CYCLE, DirectoryRule.CYCLE.message()));
                break;
            }
            above = inFile.get(above).parent();
        }
    }

    private void checkParent(int row, UnitKind kind, String parent, Map<String, UnitEntry> inFile, LocalDate today,
                             List<DirectoryProblem> problems) {
        if (parent == null || parent.isBlank()) {
            if (!kind.mayBeRoot()) {
                problems.add(new DirectoryProblem(row, "parent", DirectoryRule.ROOT_NOT_ALLOWED,
                        DirectoryRule.ROOT_NOT_ALLOWED.message()));
            }
            return;
        }
        UnitKind parentKind;
        if (units.containsKey(parent)) {
            Node node = units.get(parent);
            if (!node.inServiceOn(today)) {
                problems.add(new DirectoryProblem(row, "parent", DirectoryRule.PARENT_OUT_OF_SERVICE,
                        "parent " + parent + " is no longer in service"));
            }
            parentKind = node.kind();
        } else if (inFile.containsKey(parent)) {
            parentKind = inFile.get(parent).kind();
        } else {
            problems.add(new DirectoryProblem(row, "parent", DirectoryRule.PARENT_UNKNOWN,
                    "parent " + parent + " is not in the directory"));
            return;
        }
        if (parentKind != null && !kind.parentKinds().contains(parentKind)) {
            problems.add(new DirectoryProblem(row, "parent", DirectoryRule.PARENT_KIND,
                    "a " + kind + " cannot sit under a " + parentKind));
        }
    }

    private Node known(String code, List<DirectoryProblem> problems) {
        Node node = code == null ? null : units.get(code);
        if (node == null) {
            problems.add(problem("code", DirectoryRule.UNKNOWN_UNIT));
        }
        return node;
    }

    /** The permission table's word, asked again here with the command in hand (the web edge asked first). */
    private static void requireAdministrator(Actor actor) {
        if (actor == null || !Permissions.allows(actor.roles(), Action.ADMINISTER)) {
            throw new DirectoryRuleViolation(List.of(problem("actor", DirectoryRule.NOT_PERMITTED)));
        }
    }

    private static DirectoryProblem problem(String field, DirectoryRule rule) {
        return new DirectoryProblem(0, field, rule, rule.message());
    }

    private static void refuseIf(List<DirectoryProblem> problems) {
        if (!problems.isEmpty()) {
            throw new DirectoryRuleViolation(problems);
        }
    }

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(UnitEstablished event) {
        id = event.directoryId();
        UnitEntry unit = event.unit();
        units.put(unit.code(), new Node(unit.kind(), blankToNull(unit.parent()), null));
    }

    @EventSourcingHandler
    void on(UnitMoved event) {
        units.computeIfPresent(event.code(), (code, node) -> new Node(node.kind(), event.parent(), node.lastDay()));
    }

    @EventSourcingHandler
    void on(UnitRetired event) {
        units.computeIfPresent(event.code(), (code, node) -> new Node(node.kind(), node.parent(), event.lastDay()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
