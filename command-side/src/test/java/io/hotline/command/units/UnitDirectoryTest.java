package io.hotline.command.units;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.hotline.command.units.UnitDirectory.ID;

/** 单位目录: one test per rule and per refusal. The clock stands on 2026-12-07 09:00 in the city's zone. */
class UnitDirectoryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final Actor ADMIN = Actor.of("admin", "HOTLINE", Role.ADMIN);

    private static final UnitEntry HUANCUI = unit("HUANCUI", "威海市环翠区人民政府", "环翠区", UnitKind.DISTRICT, null, "371002");
    private static final UnitEntry JINGYUAN = unit("HC-JINGYUAN", "环翠区鲸园街道办事处", "鲸园街道", UnitKind.STREET, "HUANCUI", "371002003000");
    private static final UnitEntry WENDENG = unit("WENDENG", "威海市文登区人民政府", "文登区", UnitKind.DISTRICT, null, "371003");

    private FixtureConfiguration<UnitDirectory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UnitDirectory.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZONE));
        fixture.registerInjectableResource(ZONE);
    }

    private static UnitEntry unit(String code, String fullName, String shortName, UnitKind kind, String parent,
                                  String... areas) {
        return new UnitEntry(code, fullName, shortName, kind, parent, List.of(areas), "0631-5200000", TODAY);
    }

    private static UnitEstablished established(UnitEntry unit) {
        return new UnitEstablished(ID, unit, false, ADMIN, NOW);
    }

    /** The command changes nothing and is refused for {@code rule}, naming {@code field}. */
    private void refusedWith(DirectoryRule rule, String field, Object command, Object... given) {
        fixture.given(given).when(command).expectNoEvents().expectException(brokenRule(rule, field));
    }

    private static Matcher<DirectoryRuleViolation> brokenRule(DirectoryRule rule, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DirectoryRuleViolation violation) {
                return violation.problems().stream()
                        .anyMatch(problem -> problem.rule() == rule && problem.field().equals(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal for " + rule + " naming " + field);
            }
        };
    }

    @Test
    void aUnitIsEstablishedInAnEmptyDirectory() {
        fixture.givenNoPriorActivity().when(new EstablishUnit(ID, HUANCUI, ADMIN)).expectEvents(established(HUANCUI));
    }

    @Test
    void aStreetIsEstablishedUnderItsDistrict() {
        fixture.given(established(HUANCUI)).when(new EstablishUnit(ID, JINGYUAN, ADMIN))
                .expectEvents(established(JINGYUAN));
    }

    @Test
    void aTakenCodeIsRefused() {
        refusedWith(DirectoryRule.CODE_TAKEN, "code", new EstablishUnit(ID, HUANCUI, ADMIN), established(HUANCUI));
    }

    @Test
    void aMalformedCodeIsRefused() {
        refusedWith(DirectoryRule.CODE_FORMAT, "code",
                new EstablishUnit(ID, unit("huan cui", "环翠区", "环翠", UnitKind.DISTRICT, null), ADMIN));
    }

    @Test
    void aUnitWithoutNamesIsRefused() {
        refusedWith(DirectoryRule.NAME_REQUIRED, "fullName",
                new EstablishUnit(ID, unit("HUANCUI", " ", "环翠区", UnitKind.DISTRICT, null), ADMIN));
    }

    @Test
    void aUnitWithoutKindIsRefused() {
        refusedWith(DirectoryRule.KIND_REQUIRED, "kind",
                new EstablishUnit(ID, unit("HUANCUI", "环翠区人民政府", "环翠区", null, null), ADMIN));
    }

    @Test
    void anAreaCodeOfNeitherSixNorTwelveDigitsIsRefused() {
        refusedWith(DirectoryRule.AREA_CODE_FORMAT, "areaCodes",
                new EstablishUnit(ID, unit("HUANCUI", "环翠区人民政府", "环翠区", UnitKind.DISTRICT, null, "37100"), ADMIN));
    }

    @Test
    void anUnknownParentIsRefused() {
        refusedWith(DirectoryRule.PARENT_UNKNOWN, "parent", new EstablishUnit(ID, JINGYUAN, ADMIN),
                established(WENDENG));
    }

    @Test
    void aParentOutOfServiceIsRefused() {
        refusedWith(DirectoryRule.PARENT_OUT_OF_SERVICE, "parent", new EstablishUnit(ID, JINGYUAN, ADMIN),
                established(HUANCUI), new UnitRetired(ID, "HUANCUI", TODAY.minusDays(1), null, ADMIN, NOW));
    }

    @Test
    void aStreetUnderAStreetIsRefused() {
        UnitEntry nested = unit("HC-NESTED", "某街道", "某街道", UnitKind.STREET, "HC-JINGYUAN");
        refusedWith(DirectoryRule.PARENT_KIND, "parent", new EstablishUnit(ID, nested, ADMIN),
                established(HUANCUI), established(JINGYUAN));
    }

    @Test
    void aStreetWithoutParentIsRefused() {
        refusedWith(DirectoryRule.ROOT_NOT_ALLOWED, "parent",
                new EstablishUnit(ID, unit("LOOSE", "某街道办事处", "某街道", UnitKind.STREET, null), ADMIN));
    }

    @Test
    void aRenameKeepsTheCodeAndTakesTheNewNames() {
        fixture.given(established(HUANCUI))
                .when(new RenameUnit(ID, "HUANCUI", "威海市环翠区人民政府（新）", "环翠区", ADMIN))
                .expectEvents(new UnitRenamed(ID, "HUANCUI", "威海市环翠区人民政府（新）", "环翠区", ADMIN, NOW));
    }

    @Test
    void renamingAnUnknownUnitIsRefused() {
        refusedWith(DirectoryRule.UNKNOWN_UNIT, "code", new RenameUnit(ID, "NOBODY", "某单位", "某单位", ADMIN),
                established(HUANCUI));
    }

    @Test
    void renamingARetiredUnitIsRefused() {
        refusedWith(DirectoryRule.OUT_OF_SERVICE, "code", new RenameUnit(ID, "WENDENG", "文登", "文登", ADMIN),
                established(WENDENG), new UnitRetired(ID, "WENDENG", TODAY.minusDays(1), null, ADMIN, NOW));
    }

    @Test
    void aStreetMovesToAnotherDistrict() {
        fixture.given(established(HUANCUI), established(JINGYUAN), established(WENDENG))
                .when(new MoveUnit(ID, "HC-JINGYUAN", "WENDENG", ADMIN))
                .expectEvents(new UnitMoved(ID, "HC-JINGYUAN", "WENDENG", "HUANCUI", ADMIN, NOW));
    }

    @Test
    void aMoveUnderItsOwnDescendantIsACycle() {
        // The kinds keep most loops out (a street sits under a district only); a unit under itself is a cycle
        // whatever the kinds.
        refusedWith(DirectoryRule.CYCLE, "parent", new MoveUnit(ID, "HUANCUI", "HUANCUI", ADMIN),
                established(HUANCUI));
    }

    @Test
    void retiringAUnitMergesItIntoItsSuccessor() {
        fixture.given(established(HUANCUI), established(WENDENG))
                .when(new RetireUnit(ID, "WENDENG", TODAY, "HUANCUI", ADMIN))
                .expectEvents(new UnitRetired(ID, "WENDENG", TODAY, "HUANCUI", ADMIN, NOW));
    }

    @Test
    void retiringAUnitWithUnitsStillUnderItIsRefused() {
        refusedWith(DirectoryRule.HAS_UNITS_IN_SERVICE, "code", new RetireUnit(ID, "HUANCUI", TODAY, null, ADMIN),
                established(HUANCUI), established(JINGYUAN));
    }

    @Test
    void aSuccessorOutOfServiceIsRefused() {
        refusedWith(DirectoryRule.SUCCESSOR_INVALID, "successor",
                new RetireUnit(ID, "HUANCUI", TODAY, "WENDENG", ADMIN),
                established(HUANCUI), established(WENDENG),
                new UnitRetired(ID, "WENDENG", TODAY.minusDays(3), null, ADMIN, NOW));
    }

    @Test
    void anImportStoresEveryRowParentsFirstWhateverTheFileOrder() {
        fixture.givenNoPriorActivity()
                .when(new ImportUnits(ID, List.of(JINGYUAN, HUANCUI, WENDENG), true, "weihai.csv", ADMIN))
                .expectEvents(new UnitEstablished(ID, HUANCUI, true, ADMIN, NOW),
                        new UnitEstablished(ID, WENDENG, true, ADMIN, NOW),
                        new UnitEstablished(ID, JINGYUAN, true, ADMIN, NOW));
    }

    @Test
    void anImportWithOneBadRowStoresNothingAndNamesTheRow() {
        UnitEntry bad = unit("HC-BAD", "坏行", "坏行", UnitKind.STREET, "NOWHERE");
        fixture.givenNoPriorActivity()
                .when(new ImportUnits(ID, List.of(HUANCUI, bad), false, "bad.csv", ADMIN))
                .expectNoEvents()
                .expectException(new TypeSafeMatcher<DirectoryRuleViolation>() {
                    @Override
                    protected boolean matchesSafely(DirectoryRuleViolation violation) {
                        return violation.problems().size() == 1 && violation.problems().get(0).row() == 2
                                && violation.problems().get(0).rule() == DirectoryRule.PARENT_UNKNOWN;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("one problem, row 2, unknown parent");
                    }
                });
    }

    @Test
    void anImportListsEveryErrorNotOnlyTheFirst() {
        UnitEntry twice = unit("HUANCUI", "重复", "重复", UnitKind.DISTRICT, null);
        UnitEntry noKind = unit("NOKIND", "无类别", "无类别", null, null, "12");
        fixture.givenNoPriorActivity()
                .when(new ImportUnits(ID, List.of(HUANCUI, twice, noKind), false, "bad.csv", ADMIN))
                .expectNoEvents()
                .expectException(new TypeSafeMatcher<DirectoryRuleViolation>() {
                    @Override
                    protected boolean matchesSafely(DirectoryRuleViolation violation) {
                        return violation.problems().stream().map(DirectoryProblem::rule).toList().containsAll(
                                List.of(DirectoryRule.CODE_TAKEN, DirectoryRule.KIND_REQUIRED,
                                        DirectoryRule.AREA_CODE_FORMAT));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("the taken code, the missing kind and the bad area code");
                    }
                });
    }

    @Test
    void anEmptyImportIsRefused() {
        refusedWith(DirectoryRule.EMPTY_IMPORT, "file", new ImportUnits(ID, List.of(), false, "empty.csv", ADMIN));
    }

    @Test
    void aCycleWithinTheImportedFileIsRefused() {
        UnitEntry a = unit("DEPT-A", "甲局", "甲局", UnitKind.DISTRICT, "DEPT-B");
        UnitEntry b = unit("DEPT-B", "乙局", "乙局", UnitKind.DISTRICT, "DEPT-A");
        refusedWith(DirectoryRule.CYCLE, "parent", new ImportUnits(ID, List.of(a, b), false, "cycle.csv", ADMIN));
    }

    @Test
    void onlyAnAdministratorKeepsTheDirectory() {
        Actor operator = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
        refusedWith(DirectoryRule.NOT_PERMITTED, "actor", new EstablishUnit(ID, WENDENG, operator));
        refusedWith(DirectoryRule.NOT_PERMITTED, "actor", new RenameUnit(ID, "HUANCUI", "环翠", "环翠", operator),
                established(HUANCUI));
    }
}
