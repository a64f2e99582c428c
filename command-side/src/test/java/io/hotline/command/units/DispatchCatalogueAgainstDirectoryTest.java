package io.hotline.command.units;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hotline.command.policy.CatalogueProblem;
import io.hotline.command.policy.CatalogueRule;
import io.hotline.command.policy.ConfiguredDispatchCatalogue;
import io.hotline.command.policy.ConfiguredDispatchCatalogue.Entry;
import io.hotline.command.policy.DispatchCatalogue;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.units.UnitEntry;
import io.hotline.kernel.units.UnitEstablished;
import io.hotline.kernel.units.UnitKind;
import io.hotline.kernel.units.UnitRetired;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.hotline.command.units.UnitDirectory.ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 派单目录 against the 单位目录: entries naming units not in service are passed over and reported, and the district
 * serving the area is proposed beside the department. Today is 2026-12-07 in 威海.
 */
class DispatchCatalogueAgainstDirectoryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZONE);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final Actor ADMIN = Actor.of("admin", "HOTLINE", Role.ADMIN);

    private static final List<Entry> ENTRIES = List.of(
            new Entry(null, "3710", "URBAN-MGMT"),
            new Entry(Category.COMPLAINT, "3710", "MARKET-REG"),
            new Entry(Category.HELP, "371002", "WATER"));

    private static UnitEstablished established(String code, String shortName, UnitKind kind, String area) {
        return established(code, shortName, kind, area, LocalDate.of(2020, 1, 1));
    }

    private static UnitEstablished established(String code, String shortName, UnitKind kind, String area,
                                               LocalDate from) {
        return new UnitEstablished(ID, new UnitEntry(code, "威海市" + shortName, shortName, kind, null,
                area == null ? List.of() : List.of(area), null, from), false, ADMIN, NOW);
    }

    private static UnitRetired retired(String code, LocalDate lastDay, String successor) {
        return new UnitRetired(ID, code, lastDay, successor, ADMIN, NOW);
    }

    private static List<Object> city() {
        return List.of(
                established("HUANCUI", "环翠区", UnitKind.DISTRICT, "371002"),
                established("WENDENG", "文登区", UnitKind.DISTRICT, "371003"),
                established("URBAN-MGMT", "市城管局", UnitKind.CITY_DEPARTMENT, "371000"),
                established("MARKET-REG", "市市场监管局", UnitKind.CITY_DEPARTMENT, "371000"),
                established("WATER", "市水务集团", UnitKind.UTILITY, "371000"));
    }

    private static ConfiguredDispatchCatalogue catalogue(List<Object> events) {
        return new ConfiguredDispatchCatalogue(ENTRIES, UnitTree.of(ZONE, events.toArray()), CLOCK, ZONE);
    }

    private static List<Object> plus(List<Object> events, Object... more) {
        List<Object> all = new java.util.ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void theDistrictServingTheAreaIsProposedBesideTheDepartment() {
        DispatchCatalogue.Proposals proposals = catalogue(city()).proposals(Category.COMPLAINT, "371002");

        assertThat(proposals.department()).isEqualTo("MARKET-REG");
        assertThat(proposals.district()).isEqualTo("HUANCUI");
        assertThat(proposals.lead()).isEqualTo("MARKET-REG");
        assertThat(catalogue(city()).proposals(Category.CONSULTATION, "371003").district()).isEqualTo("WENDENG");
    }

    @Test
    void withNoEntryForTheAreaTheDistrictIsTheLeadProposal() {
        ConfiguredDispatchCatalogue catalogue = new ConfiguredDispatchCatalogue(
                List.of(new Entry(Category.HELP, "371002", "WATER")), UnitTree.of(ZONE, city().toArray()), CLOCK, ZONE);

        assertThat(catalogue.propose(Category.COMPLAINT, "371003")).hasValue("WENDENG");
        assertThat(catalogue.propose(Category.HELP, "371002")).hasValue("WATER");
        assertThat(catalogue.propose(Category.COMPLAINT, "371082")).isEmpty();
        assertThat(catalogue.propose(Category.COMPLAINT, null)).isEmpty();
    }

    @Test
    void anEntryWhoseUnitLeftServiceIsPassedOverForTheNextMoreGeneralOne() {
        ConfiguredDispatchCatalogue catalogue = catalogue(plus(city(), retired("MARKET-REG", TODAY.minusDays(1), null)));

        assertThat(catalogue.propose(Category.COMPLAINT, "371002")).hasValue("URBAN-MGMT");
    }

    @Test
    void anEntryWhoseUnitTheDirectoryDoesNotKnowIsPassedOver() {
        List<Object> withoutWater = city().subList(0, 4);

        assertThat(catalogue(withoutWater).propose(Category.HELP, "371002")).hasValue("URBAN-MGMT");
    }

    @Test
    void aUnitOnItsLastDayIsStillProposed() {
        ConfiguredDispatchCatalogue catalogue = catalogue(plus(city(), retired("MARKET-REG", TODAY, null)));

        assertThat(catalogue.propose(Category.COMPLAINT, "371002")).hasValue("MARKET-REG");
    }

    @Test
    void anEmptyDirectoryLeavesTheEntriesAsWrittenAndReportsNothing() {
        ConfiguredDispatchCatalogue catalogue = catalogue(List.of());

        assertThat(catalogue.propose(Category.HELP, "371002")).hasValue("WATER");
        assertThat(catalogue.proposals(Category.HELP, "371002").district()).isNull();
        assertThat(catalogue.problems()).isEmpty();
    }

    @Test
    void everyEntryPointingAtAUnitNotInServiceIsReportedWithItsRule() {
        ConfiguredDispatchCatalogue catalogue = new ConfiguredDispatchCatalogue(List.of(
                new Entry(null, "3710", "URBAN-MGMT"),
                new Entry(Category.COMPLAINT, "3710", "MARKET-REG"),
                new Entry(Category.HELP, "3710", "HOUSING"),
                new Entry(Category.REPORT, "3710", "WATER"),
                new Entry(Category.SUGGESTION, "3710", "TRANSPORT")),
                UnitTree.of(ZONE, plus(city(),
                        retired("MARKET-REG", TODAY.minusDays(1), "URBAN-MGMT"),
                        retired("WATER", TODAY.plusDays(30), null),
                        established("TRANSPORT", "市交通运输局", UnitKind.CITY_DEPARTMENT, null, TODAY.plusDays(1)))
                        .toArray()), CLOCK, ZONE);

        List<CatalogueProblem> problems = catalogue.problems();

        assertThat(problems).extracting(problem -> problem.entry().unit(), CatalogueProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MARKET-REG", CatalogueRule.OUT_OF_SERVICE),
                org.assertj.core.groups.Tuple.tuple("HOUSING", CatalogueRule.UNKNOWN_UNIT),
                org.assertj.core.groups.Tuple.tuple("WATER", CatalogueRule.RETIRING),
                org.assertj.core.groups.Tuple.tuple("TRANSPORT", CatalogueRule.NOT_YET_IN_SERVICE));
        assertThat(problems.get(0).detail()).contains("2026-12-06").contains("merged into URBAN-MGMT");
    }

    @Test
    void theWatchWarnsOncePerEntryAtStartAndAgainWhenTheDirectoryChangesWhatIsWrong() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Logger logger = (Logger) LoggerFactory.getLogger(CatalogueWatch.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            List<Object> events = plus(city().subList(0, 4), retired("MARKET-REG", TODAY.minusDays(1), null));
            for (int i = 0; i < events.size(); i++) {
                store.publish(new GenericDomainEventMessage<>("UnitDirectory", ID, i, events.get(i)));
            }
            UnitTree tree = new UnitTree(store, ZONE);
            CatalogueWatch watch = new CatalogueWatch(new ConfiguredDispatchCatalogue(ENTRIES, tree, CLOCK, ZONE), tree);

            watch.checkAtStart();
            assertThat(warnings(lines)).hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains("MARKET-REG").contains("OUT_OF_SERVICE"))
                    .anySatisfy(line -> assertThat(line).contains("WATER").contains("UNKNOWN_UNIT"));

            lines.list.clear();
            store.publish(new GenericDomainEventMessage<>("UnitDirectory", ID, events.size(),
                    established("WATER", "市水务集团", UnitKind.UTILITY, "371000")));
            assertThat(warnings(lines)).singleElement().satisfies(line -> assertThat(line).contains("MARKET-REG"));

            lines.list.clear();
            store.publish(new GenericDomainEventMessage<>("UnitDirectory", ID, events.size() + 1,
                    new io.hotline.kernel.units.UnitRenamed(ID, "HUANCUI", "环翠区政府", "环翠", ADMIN, NOW)));
            assertThat(warnings(lines)).isEmpty();
        } finally {
            logger.detachAppender(lines);
            store.shutDown();
        }
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> lines) {
        return lines.list.stream().filter(line -> line.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
