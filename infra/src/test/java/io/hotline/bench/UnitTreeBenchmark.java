package io.hotline.bench;

import io.hotline.command.policy.ConfiguredDispatchCatalogue;
import io.hotline.command.units.UnitDirectory;
import io.hotline.command.units.StreamHeads;
import io.hotline.command.units.UnitTree;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.units.ImportUnits;
import io.hotline.kernel.units.RenameUnit;
import io.hotline.kernel.units.UnitEntry;
import io.hotline.kernel.units.UnitKind;
import io.hotline.testing.TestAccounts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The command side's unit tree at a large city's size, on the embedded store (run with the bench profile, see
 * BENCHMARKS.md): {@code bench.units} (about 2,000) units on the directory's levels (the hotline, city departments,
 * districts with their own bureaus, streets, communities) imported in one file; then how long a node takes to read the
 * tree at its first use, what a poll for other nodes' changes costs (after the import, and after a single change),
 * and the lookups the rules and the dispatch catalogue make (where a unit sits, the district serving an area, both
 * proposals for a request).
 */
@SpringBootTest
class UnitTreeBenchmark {

    private static final Logger log = LoggerFactory.getLogger(UnitTreeBenchmark.class);
    private static final Actor ADMIN = Actor.of("admin", "HOTLINE", Role.ADMIN);

    private final int districts = Integer.getInteger("bench.districts", 12);
    private final int streetsPerDistrict = Integer.getInteger("bench.streetsPerDistrict", 12);
    private final int communitiesPerStreet = Integer.getInteger("bench.communitiesPerStreet", 11);
    private final int lookups = Integer.getInteger("bench.unitLookups", 200_000);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-bench-units").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    ZoneId zone;
    @Autowired
    Clock clock;
    @Autowired
    StreamHeads heads;

    @Test
    void theTreeOfALargeCity() {
        List<UnitEntry> units = city();
        long importing = System.nanoTime();
        commands.sendAndWait(new ImportUnits(UnitDirectory.ID, units, false, "bench", ADMIN));
        log.info("Unit tree: {} units imported in one file in {} ms", units.size(), millisSince(importing));

        long reading = System.nanoTime();
        UnitTree tree = new UnitTree(events, zone, Optional.of(heads));
        tree.isEmpty();
        log.info("Unit tree: read at first use in {} ms ({} units)", millisSince(reading), tree.units().size());

        log.info("Unit tree: a poll after the import: {}", polls(tree));
        commands.sendAndWait(new RenameUnit(UnitDirectory.ID, "D01", "第1区人民政府（新）", "第1区", ADMIN));
        tree.refresh();
        log.info("Unit tree: a poll after a single change: {}", polls(tree));
        UnitTree withoutHeads = new UnitTree(events, zone);
        withoutHeads.isEmpty();
        log.info("Unit tree: a poll without the store's heads (reads the stream from the last event): {}",
                polls(withoutHeads));

        Random random = new Random(20261207L);
        List<String> codes = units.stream().map(UnitEntry::code).toList();
        Latencies within = new Latencies();
        Latencies serving = new Latencies();
        long hits = 0;
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (int i = 0; i < lookups; i++) {
            String unit = codes.get(random.nextInt(codes.size()));
            String ancestor = "D%02d".formatted(1 + random.nextInt(districts));
            long start = System.nanoTime();
            hits += tree.isWithin(ancestor, unit) ? 1 : 0;
            within.record(start);
        }
        for (int i = 0; i < lookups / 20; i++) {
            String area = "3710%02d".formatted(1 + random.nextInt(districts));
            long start = System.nanoTime();
            hits += tree.districtServing(area, today).isPresent() ? 1 : 0;
            serving.record(start);
        }
        log.info("Unit tree: isWithin {}; the district serving an area {} ({} hits)", within.summary(),
                serving.summary(), hits);

        ConfiguredDispatchCatalogue catalogue = new ConfiguredDispatchCatalogue(List.of(
                new ConfiguredDispatchCatalogue.Entry(null, "3710", "DEPT-01"),
                new ConfiguredDispatchCatalogue.Entry(Category.COMPLAINT, "3710", "DEPT-02"),
                new ConfiguredDispatchCatalogue.Entry(Category.HELP, "371001", "D01-DEPT-01")), tree, clock, zone);
        Latencies proposals = new Latencies();
        for (int i = 0; i < lookups / 20; i++) {
            String area = "3710%02d".formatted(1 + random.nextInt(districts));
            long start = System.nanoTime();
            catalogue.proposals(Category.values()[random.nextInt(Category.values().length)], area);
            proposals.record(start);
        }
        log.info("Unit tree: both proposals of the dispatch catalogue {}", proposals.summary());
    }

    /** Polls with nothing new, as every command node does every few seconds. */
    private static String polls(UnitTree tree) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 500; i++) {
            long start = System.nanoTime();
            tree.refresh();
            latencies.record(start);
        }
        return latencies.summary();
    }

    /** The hotline, 40 city departments, districts each with 10 bureaus, their streets and communities. */
    private List<UnitEntry> city() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        List<UnitEntry> units = new ArrayList<>();
        units.add(new UnitEntry("HOTLINE", "12345热线", "12345热线", UnitKind.HOTLINE, null, List.of("371000"), null, from));
        for (int d = 1; d <= 40; d++) {
            units.add(new UnitEntry("DEPT-%02d".formatted(d), "市第" + d + "局", "第" + d + "局", UnitKind.CITY_DEPARTMENT,
                    null, List.of("371000"), null, from));
        }
        for (int d = 1; d <= districts; d++) {
            String district = "D%02d".formatted(d);
            String area = "3710%02d".formatted(d);
            units.add(new UnitEntry(district, "第" + d + "区人民政府", "第" + d + "区", UnitKind.DISTRICT, null,
                    List.of(area), null, from));
            for (int b = 1; b <= 10; b++) {
                units.add(new UnitEntry("%s-DEPT-%02d".formatted(district, b), "第" + d + "区第" + b + "局",
                        d + "区" + b + "局", UnitKind.CITY_DEPARTMENT, district, List.of(area), null, from));
            }
            for (int s = 1; s <= streetsPerDistrict; s++) {
                String street = "%s-S%02d".formatted(district, s);
                units.add(new UnitEntry(street, "第" + d + "区第" + s + "街道", d + "区" + s + "街道", UnitKind.STREET,
                        district, List.of(area + "%03d000".formatted(s)), null, from));
                for (int c = 1; c <= communitiesPerStreet; c++) {
                    units.add(new UnitEntry("%s-C%02d".formatted(street, c), "第" + d + "区第" + s + "街道第" + c + "社区",
                            d + "区" + s + "街" + c + "社区", UnitKind.COMMUNITY, street,
                            List.of(area + "%03d%03d".formatted(s, c)), null, from));
                }
            }
        }
        return units;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
