package io.hotline.command.units;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.units.UnitEntry;
import io.hotline.kernel.units.UnitEstablished;
import io.hotline.kernel.units.UnitKind;
import io.hotline.kernel.units.UnitMoved;
import io.hotline.kernel.units.UnitRenamed;
import io.hotline.kernel.units.UnitRetired;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.hotline.command.units.UnitDirectory.ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The command side's tree of units: where a unit sits, whether it is in service, how it keeps current. */
class UnitTreeTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");
    private static final Actor ADMIN = Actor.of("admin", "HOTLINE", Role.ADMIN);
    private static final LocalDate FROM = LocalDate.of(2020, 1, 1);

    private static final UnitEntry HOTLINE = unit("HOTLINE", "12345热线", UnitKind.HOTLINE, null, "371000");
    private static final UnitEntry HUANCUI = unit("HUANCUI", "环翠区", UnitKind.DISTRICT, null, "371002");
    private static final UnitEntry WENDENG = unit("WENDENG", "文登区", UnitKind.DISTRICT, null, "371003");
    private static final UnitEntry JINGYUAN = unit("HC-JINGYUAN", "鲸园街道", UnitKind.STREET, "HUANCUI", "371002003000");
    private static final UnitEntry ZHUDAO = unit("HC-ZHUDAO", "竹岛街道", UnitKind.STREET, "HUANCUI");
    private static final UnitEntry COMMUNITY = unit("HC-JY-01", "鲸园一社区", UnitKind.COMMUNITY, "HC-JINGYUAN");
    private static final UnitEntry WATER = unit("WATER", "市水务集团", UnitKind.UTILITY, null, "371000");

    private EmbeddedEventStore store;

    @AfterEach
    void stopStore() {
        if (store != null) {
            store.shutDown();
        }
    }

    private static UnitEntry unit(String code, String shortName, UnitKind kind, String parent, String... areas) {
        return new UnitEntry(code, "威海市" + shortName, shortName, kind, parent, List.of(areas), null, FROM);
    }

    private static UnitEstablished established(UnitEntry unit) {
        return new UnitEstablished(ID, unit, false, ADMIN, AT);
    }

    private static UnitTree tree(Object... events) {
        return UnitTree.of(ZONE, events);
    }

    private static UnitTree city() {
        return tree(established(HOTLINE), established(HUANCUI), established(WENDENG), established(JINGYUAN),
                established(ZHUDAO), established(COMMUNITY), established(WATER));
    }

    @Test
    void aUnitIsFoundWithItsCurrentNameKindAndParent() {
        UnitTree tree = tree(established(HUANCUI), established(JINGYUAN),
                new UnitRenamed(ID, "HC-JINGYUAN", "环翠区鲸园街道", "鲸园", ADMIN, AT));

        assertThat(tree.find("HC-JINGYUAN")).hasValueSatisfying(unit -> {
            assertThat(unit.shortName()).isEqualTo("鲸园");
            assertThat(unit.fullName()).isEqualTo("环翠区鲸园街道");
            assertThat(unit.areaCodes()).containsExactly("371002003000");
        });
        assertThat(tree.kind("HC-JINGYUAN")).hasValue(UnitKind.STREET);
        assertThat(tree.parent("HC-JINGYUAN")).hasValue("HUANCUI");
        assertThat(tree.parent("HUANCUI")).isEmpty();
    }

    @Test
    void aCodeTheDirectoryDoesNotKnowIsNothingAndNotInService() {
        UnitTree tree = city();

        assertThat(tree.find("MARKET-REG")).isEmpty();
        assertThat(tree.kind("MARKET-REG")).isEmpty();
        assertThat(tree.parent("MARKET-REG")).isEmpty();
        assertThat(tree.children("MARKET-REG")).isEmpty();
        assertThat(tree.inService("MARKET-REG", AT)).isFalse();
        assertThat(tree.find(null)).isEmpty();
    }

    @Test
    void aUnitIsInServiceFromItsFirstDayThroughItsLastDay() {
        UnitEntry later = new UnitEntry("NEW-BUREAU", "威海市新局", "新局", UnitKind.CITY_DEPARTMENT, null, List.of(),
                null, LocalDate.of(2027, 1, 1));
        UnitTree tree = tree(established(HUANCUI), established(WENDENG), established(later),
                new UnitRetired(ID, "WENDENG", LocalDate.of(2026, 12, 31), "HUANCUI", ADMIN, AT));

        assertThat(tree.inService("NEW-BUREAU", LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(tree.inService("NEW-BUREAU", LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(tree.inService("WENDENG", LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(tree.inService("WENDENG", LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(tree.find("WENDENG")).hasValueSatisfying(unit -> assertThat(unit.successor()).isEqualTo("HUANCUI"));
    }

    @Test
    void anInstantCountsOnTheCitysDay() {
        UnitTree tree = tree(established(HUANCUI),
                new UnitRetired(ID, "HUANCUI", LocalDate.of(2026, 12, 7), null, ADMIN, AT));

        // 2026-12-07T23:59 in 威海 is still the last day; 16:00Z is already the 8th there
        assertThat(tree.inService("HUANCUI", Instant.parse("2026-12-07T15:59:00Z"))).isTrue();
        assertThat(tree.inService("HUANCUI", Instant.parse("2026-12-07T16:00:00Z"))).isFalse();
    }

    @Test
    void aUnitIsWithinItselfItsParentAndEveryAncestor() {
        UnitTree tree = city();

        assertThat(tree.isWithin("HUANCUI", "HC-JY-01")).isTrue();
        assertThat(tree.isWithin("HC-JINGYUAN", "HC-JY-01")).isTrue();
        assertThat(tree.isWithin("HC-JY-01", "HC-JY-01")).isTrue();
        assertThat(tree.isWithin("HUANCUI", "HUANCUI")).isTrue();
    }

    @Test
    void aUnitIsNotWithinItsChildrenSiblingsOrAnotherDistrict() {
        UnitTree tree = city();

        assertThat(tree.isWithin("HC-JINGYUAN", "HUANCUI")).isFalse();
        assertThat(tree.isWithin("HC-ZHUDAO", "HC-JY-01")).isFalse();
        assertThat(tree.isWithin("WENDENG", "HC-JINGYUAN")).isFalse();
        assertThat(tree.isWithin("HUANCUI", "MARKET-REG")).isFalse();
        assertThat(tree.isWithin(null, "HUANCUI")).isFalse();
    }

    @Test
    void aMovedUnitIsWithinItsNewParentOnly() {
        UnitTree tree = tree(established(HUANCUI), established(WENDENG), established(ZHUDAO),
                new UnitMoved(ID, "HC-ZHUDAO", "WENDENG", "HUANCUI", ADMIN, AT));

        assertThat(tree.isWithin("WENDENG", "HC-ZHUDAO")).isTrue();
        assertThat(tree.isWithin("HUANCUI", "HC-ZHUDAO")).isFalse();
        assertThat(tree.children("HUANCUI")).isEmpty();
        assertThat(tree.children("WENDENG")).containsExactly("HC-ZHUDAO");
    }

    @Test
    void childrenAreTheUnitsDirectlyUnderInCodeOrderAndNullListsTheRoots() {
        UnitTree tree = city();

        assertThat(tree.children("HUANCUI")).containsExactly("HC-JINGYUAN", "HC-ZHUDAO");
        assertThat(tree.children("HC-JINGYUAN")).containsExactly("HC-JY-01");
        assertThat(tree.children("HC-JY-01")).isEmpty();
        assertThat(tree.children(null)).containsExactly("HOTLINE", "HUANCUI", "WATER", "WENDENG");
    }

    @Test
    void theDistrictServingAnAreaIsTheMostSpecificInService() {
        UnitTree tree = city();
        Set<UnitKind> districts = Set.of(UnitKind.DISTRICT);
        LocalDate today = LocalDate.of(2026, 12, 7);

        assertThat(tree.serving("371002", districts, today)).map(UnitTree.Unit::code).hasValue("HUANCUI");
        assertThat(tree.serving("371003", districts, today)).map(UnitTree.Unit::code).hasValue("WENDENG");
        assertThat(tree.serving("371082", districts, today)).isEmpty();
        assertThat(tree.serving("371082", Set.of(UnitKind.UTILITY), today)).map(UnitTree.Unit::code).hasValue("WATER");
        assertThat(tree.serving("371002003001", Set.of(UnitKind.DISTRICT, UnitKind.STREET), today))
                .map(UnitTree.Unit::code).hasValue("HC-JINGYUAN");
        assertThat(tree.serving(null, districts, today)).isEmpty();
    }

    @Test
    void aRetiredDistrictServesNoArea() {
        UnitTree tree = tree(established(HUANCUI),
                new UnitRetired(ID, "HUANCUI", LocalDate.of(2026, 12, 1), null, ADMIN, AT));

        assertThat(tree.serving("371002", Set.of(UnitKind.DISTRICT), LocalDate.of(2026, 12, 7))).isEmpty();
    }

    @Test
    void theTreeIsReadFromTheDirectorysStreamAtFirstUse() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(event(0, established(HUANCUI)), event(1, established(JINGYUAN)));

        UnitTree tree = new UnitTree(store, ZONE);

        assertThat(tree.isWithin("HUANCUI", "HC-JINGYUAN")).isTrue();
    }

    @Test
    void eventsCommittedOnThisNodeAreSeenAtOnceAndTheListenersHear() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(event(0, established(HUANCUI)));
        UnitTree tree = new UnitTree(store, ZONE);
        assertThat(tree.isEmpty()).isFalse();
        AtomicInteger heard = new AtomicInteger();
        tree.onChange(heard::incrementAndGet);

        store.publish(event(1, established(JINGYUAN)), event(2, new UnitRenamed(ID, "HUANCUI", "环翠区政府", "环翠", ADMIN, AT)));

        assertThat(tree.children("HUANCUI")).containsExactly("HC-JINGYUAN");
        assertThat(tree.find("HUANCUI")).hasValueSatisfying(unit -> assertThat(unit.shortName()).isEqualTo("环翠"));
        assertThat(heard).hasValue(1);
    }

    @Test
    void eventsAnotherNodeAppendedAreReadAtTheNextRefresh() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
        store.publish(event(0, established(HUANCUI)));
        UnitTree tree = new UnitTree(store, ZONE);
        assertThat(tree.children("HUANCUI")).isEmpty();

        engine.appendEvents(event(1, established(JINGYUAN)));   // stored by another node: never published here
        assertThat(tree.children("HUANCUI")).isEmpty();
        tree.refresh();

        assertThat(tree.children("HUANCUI")).containsExactly("HC-JINGYUAN");
    }

    @Test
    void aPollReadsTheStreamOnlyOnceTheStoreAcknowledgesItGrew() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
        store.publish(event(0, established(HUANCUI)));
        AtomicLong acknowledged = new AtomicLong(0);
        UnitTree tree = new UnitTree(store, ZONE, Optional.of(id -> ID.equals(id) ? OptionalLong.of(acknowledged.get())
                : OptionalLong.empty()));
        assertThat(tree.find("HUANCUI")).isPresent();

        engine.appendEvents(event(1, established(JINGYUAN)));   // another node's commit, its head not written yet
        tree.refresh();
        assertThat(tree.children("HUANCUI")).isEmpty();

        acknowledged.set(1);
        tree.refresh();
        assertThat(tree.children("HUANCUI")).containsExactly("HC-JINGYUAN");
    }

    @Test
    void otherAggregatesEventsAreIgnored() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        UnitTree tree = new UnitTree(store, ZONE);
        assertThat(tree.isEmpty()).isTrue();

        store.publish(new GenericDomainEventMessage<>("Case", "case-1", 0, established(HUANCUI)));

        assertThat(tree.isEmpty()).isTrue();
    }

    @Test
    void areaCodesCoverTheAreasInsideThem() {
        assertThat(AreaCodes.significant("371000")).isEqualTo("3710");
        assertThat(AreaCodes.significant("370000")).isEqualTo("37");
        assertThat(AreaCodes.significant("371002")).isEqualTo("371002");
        assertThat(AreaCodes.significant("371002003000")).isEqualTo("371002003");
        assertThat(AreaCodes.significant("371002000000")).isEqualTo("371002");
        assertThat(AreaCodes.significant("371002003001")).isEqualTo("371002003001");
    }

    private static GenericDomainEventMessage<Object> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("UnitDirectory", ID, sequence, payload);
    }
}
