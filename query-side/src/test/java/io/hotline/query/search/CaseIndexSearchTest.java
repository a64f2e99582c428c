package io.hotline.query.search;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.projection.CaseStory;
import io.hotline.query.projection.CaseViewProjection;
import io.hotline.query.projection.MongoViewStore;
import io.hotline.query.projection.ViewChanges;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The searches answered by lookups give exactly the page the query over the case views gives, on the embedded
 * store the app runs on by default: a varied set of cases (several days across the city's midnight, five phones,
 * merged numbers, every status, several units, overdue and not, erased citizens) is projected into it by the real
 * projection, and for each filter both pages are compared, items in order and total.
 */
class CaseIndexSearchTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final PhoneHasher HASHER = new PhoneHasher("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
    static final String[] PHONES = {"13800138000", "13900139000", "13700137000", "13600136000", "13500135000"};
    static final String[] UNITS = {"WATER", "STREET", "GAS", "PARKS"};
    static final String[] TITLES = {"路灯不亮", "Water LEAK at the gate", "噪音扰民", "road.*hole", "water meter"};
    static final String[] AREAS = {"370602", "370611", "370102"};
    /** Cases start over ten days; now is in the middle, so the earlier clocks have run out and the later not. */
    static final Instant NOW = CaseStory.START.plus(Duration.ofDays(5)).plusMillis(1);

    static MongoServer server;
    static MongoClient client;
    static ReactiveMongoTemplate mongo;
    static CaseIndexSearch lookups;
    static List<CaseView> views;

    @BeforeAll
    static void projectVariedCases() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new ReactiveMongoTemplate(client, "hotline");
        lookups = new CaseIndexSearch(mongo, new ReadModelGenerations(mongo, Clock.systemUTC()));
        CaseViewProjection projection = new CaseViewProjection(new MongoViewStore(mongo, 1), HASHER, ZONE,
                ViewChanges.NONE);
        stories().forEach(story -> story.tell(projection));
        views = mongo.findAll(CaseView.class, CaseView.COLLECTION).collectList().block();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    static String caseId(int i) {
        return "c" + String.format("%03d", i);
    }

    static String number(int i) {
        return "N" + (1000 + i);
    }

    /** 120 cases from a fixed seed; every tenth takes in the one before it, which gains its number. */
    static List<CaseStory> stories() {
        Random random = new Random(20261120);
        List<CaseStory> stories = new ArrayList<>();
        Instant start = CaseStory.START;
        String phone = PHONES[0];
        for (int i = 0; i < 120; i++) {
            // every seventh case registered at the same moment, by the same caller, as the one before: the order
            // falls back to the id
            if (i % 7 != 1) {
                start = CaseStory.START.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60)));
                phone = PHONES[random.nextInt(PHONES.length)];
            }
            CaseStory story = CaseStory.of(caseId(i), start).registered(number(i), phone,
                    Channel.values()[random.nextInt(3)],
                    Category.values()[random.nextInt(3)], Urgency.values()[random.nextInt(2)],
                    TITLES[random.nextInt(TITLES.length)], TITLES[random.nextInt(TITLES.length)] + " 三天了",
                    AREAS[random.nextInt(AREAS.length)]);
            String unit = UNITS[random.nextInt(UNITS.length)];
            switch (random.nextInt(9)) {
                case 0 -> { }
                case 1 -> story.dispatched(unit);
                case 2 -> story.dispatched(unit, UNITS[(random.nextInt(3) + 1 + List.of(UNITS).indexOf(unit)) % 4])
                        .signedFor(unit);
                case 3 -> story.dispatched(unit).objected(unit);
                case 4 -> story.dispatched(unit).signedFor(unit).extensionRequested(unit);
                case 5 -> story.dispatched(unit).signedFor(unit).replied(unit, true);
                case 6 -> story.resolvedAtIntake();
                case 7 -> story.dispatched(unit).erased();
                default -> story.dispatched(unit).signedFor(unit).replied(unit, true).closed();
            }
            if (i % 10 == 9) {
                stories.get(i - 1).merged(caseId(i), number(i));
                story.linked(caseId(i - 1), number(i - 1));
            }
            stories.add(story);
        }
        return stories;
    }

    /** Builds filters one criterion at a time, as the controller fills them. */
    record F(Set<CaseStatus> statuses, String unit, Category category, Channel channel, String area, Urgency urgency,
             Boolean overdue, Instant from, Instant to, String text, String phone, String number, String scope,
             CaseFilter.Pending pending) {

        static F none() {
            return new F(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        F statuses(CaseStatus... s) {
            return new F(EnumSet.copyOf(List.of(s)), unit, category, channel, area, urgency, overdue, from, to,
                    text, phone, number, scope, pending);
        }

        F unit(String u) {
            return new F(statuses, u, category, channel, area, urgency, overdue, from, to, text, phone, number,
                    scope, pending);
        }

        F category(Category c) {
            return new F(statuses, unit, c, channel, area, urgency, overdue, from, to, text, phone, number, scope,
                    pending);
        }

        F channel(Channel c) {
            return new F(statuses, unit, category, c, area, urgency, overdue, from, to, text, phone, number, scope,
                    pending);
        }

        F area(String a) {
            return new F(statuses, unit, category, channel, a, urgency, overdue, from, to, text, phone, number, scope,
                    pending);
        }

        F urgency(Urgency u) {
            return new F(statuses, unit, category, channel, area, u, overdue, from, to, text, phone, number, scope,
                    pending);
        }

        F overdue(boolean o) {
            return new F(statuses, unit, category, channel, area, urgency, o, from, to, text, phone, number, scope,
                    pending);
        }

        F from(Instant f) {
            return new F(statuses, unit, category, channel, area, urgency, overdue, f, to, text, phone, number, scope,
                    pending);
        }

        F to(Instant t) {
            return new F(statuses, unit, category, channel, area, urgency, overdue, from, t, text, phone, number,
                    scope, pending);
        }

        F text(String t) {
            return new F(statuses, unit, category, channel, area, urgency, overdue, from, to, t, phone, number, scope,
                    pending);
        }

        F phone(String p) {
            return new F(statuses, unit, category, channel, area, urgency, overdue, from, to, text, p, number, scope,
                    pending);
        }

        F number(String n) {
            return new F(statuses, unit, category, channel, area, urgency, overdue, from, to, text, phone, n, scope,
                    pending);
        }

        F scope(String s) {
            return new F(statuses, unit, category, channel, area, urgency, overdue, from, to, text, phone, number, s,
                    pending);
        }

        F pending(CaseFilter.Pending p) {
            return new F(statuses, unit, category, channel, area, urgency, overdue, from, to, text, phone, number,
                    scope, p);
        }

        CaseFilter build() {
            return new CaseFilter(statuses, unit, category, channel, area, urgency, overdue, from, to, text,
                    phone == null ? null : HASHER.hash(phone), number, scope, pending);
        }
    }

    static Instant day(int offset) {
        return LocalDate.ofInstant(CaseStory.START, ZONE).plusDays(offset).atStartOfDay(ZONE).toInstant();
    }

    /** The searches answered by lookups, each with a page and a size. */
    static Stream<Arguments> answeredSearches() {
        String phone = PHONES[0];
        return Stream.of(
                Arguments.of("number alone", F.none().number(number(5)), 0, 20),
                Arguments.of("a merged number finds both cases", F.none().number(number(8)), 0, 20),
                Arguments.of("a number nobody has", F.none().number("N999999"), 0, 20),
                Arguments.of("number + status", F.none().number(number(8)).statuses(CaseStatus.MERGED), 0, 20),
                Arguments.of("number + the unit scope", F.none().number(number(12)).scope("WATER"), 0, 20),
                Arguments.of("phone alone", F.none().phone(phone), 0, 20),
                Arguments.of("phone alone, page 2 of 5", F.none().phone(phone), 1, 5),
                Arguments.of("phone, a page past the end", F.none().phone(phone), 9, 20),
                Arguments.of("phone + from a day", F.none().phone(phone).from(day(4)), 0, 20),
                Arguments.of("phone + from + to", F.none().phone(PHONES[1]).from(day(2)).to(day(6)), 0, 20),
                Arguments.of("phone + the unit scope", F.none().phone(phone).scope("WATER"), 0, 20),
                Arguments.of("phone + status", F.none().phone(PHONES[2])
                        .statuses(CaseStatus.DISPATCHED, CaseStatus.IN_HANDLING), 0, 20),
                Arguments.of("phone + unit", F.none().phone(PHONES[3]).unit("GAS"), 0, 20),
                Arguments.of("phone + overdue", F.none().phone(PHONES[3]).overdue(true), 0, 20),
                Arguments.of("phone + not overdue", F.none().phone(PHONES[3]).overdue(false), 0, 20),
                Arguments.of("phone + text", F.none().phone(PHONES[4]).text("water"), 0, 20),
                Arguments.of("phone + area + kinds", F.none().phone(PHONES[4]).area("3706")
                        .category(Category.HELP).channel(Channel.WEB).urgency(Urgency.NORMAL), 0, 20),
                Arguments.of("phone + pending objection", F.none().phone(PHONES[1])
                        .pending(CaseFilter.Pending.OBJECTION), 0, 20),
                Arguments.of("phone + a status", F.none().phone(PHONES[2]).statuses(
                        CaseStatus.DISPATCHED), 0, 20),
                Arguments.of("no criterion, first page", F.none(), 0, 20),
                Arguments.of("no criterion, auditor's chooser", F.none(), 0, 10),
                Arguments.of("no criterion, page 2", F.none(), 1, 20),
                Arguments.of("no criterion, odd size across days", F.none(), 3, 7),
                Arguments.of("no criterion, one a page", F.none(), 57, 1),
                Arguments.of("no criterion, the last page", F.none(), 2, 50),
                Arguments.of("no criterion, everything", F.none(), 0, 200),
                Arguments.of("no criterion, past the end", F.none(), 100, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeredSearches")
    void aLookupGivesTheQuerysPage(String name, F search, int page, int size) {
        CaseFilter filter = search.build();
        assertThat(lookups.answers(filter)).isTrue();

        SearchPage byLookup = lookups.page(filter, NOW, page, size, true).block();

        assertThat(byLookup).isEqualTo(byQuery(filter, page, size));
    }

    @Test
    void theTableFindsSomethingWhereItShould() {
        assertThat(byQuery(F.none().number(number(8)).build(), 0, 20).total()).isEqualTo(2);
        assertThat(byQuery(F.none().phone(PHONES[0]).build(), 0, 20).total()).isGreaterThan(5);
        assertThat(byQuery(F.none().phone(PHONES[0]).from(day(4)).build(), 0, 20).total()).isPositive();
        assertThat(byQuery(F.none().phone(PHONES[0]).scope("WATER").build(), 0, 20).total()).isPositive();
        assertThat(byQuery(F.none().phone(PHONES[3]).overdue(true).build(), 0, 20).total()).isPositive();
        assertThat(byQuery(F.none().phone(PHONES[3]).overdue(false).build(), 0, 20).total()).isPositive();
        assertThat(byQuery(F.none().phone(PHONES[4]).text("water").build(), 0, 20).total()).isPositive();
        assertThat(byQuery(F.none().build(), 0, 20).total()).isEqualTo(120);
    }

    @Test
    void aUnitHandlersSearchWithoutCriteriaKeepsTheQuery() {
        CaseFilter scoped = F.none().scope("WATER").build();
        assertThat(lookups.answers(scoped)).isFalse();
        assertThat(lookups.answers(F.none().statuses(CaseStatus.REGISTERED).build())).isFalse();
        assertThat(lookups.answers(F.none().text("water").build())).isFalse();
        assertThat(byQuery(scoped, 0, 200).total()).isBetween(1L, 119L);
    }

    @Test
    void anErasedCitizensCasesAreNotFoundByTheirPhone() {
        List<String> erased = views.stream().filter(view -> view.citizen() != null
                && view.citizen().phoneHash() == null).map(CaseView::caseId).toList();
        assertThat(erased).isNotEmpty();
        for (String phone : PHONES) {
            SearchPage found = lookups.page(F.none().phone(phone).build(), NOW, 0, 200, true).block();
            assertThat(found.items()).extracting(CaseSummary::caseId).doesNotContainAnyElementsOf(erased);
        }
    }

    /** One criterion at a time: {@link CaseFilter#matches} keeps exactly the views the query finds. */
    static Stream<Arguments> criteria() {
        Instant someRegistration = views.get(views.size() / 2).registeredAt();
        return Stream.of(
                Arguments.of("status", F.none().statuses(CaseStatus.REPLIED, CaseStatus.CLOSED)),
                Arguments.of("current unit", F.none().unit("WATER")),
                Arguments.of("unit scope", F.none().scope("STREET")),
                Arguments.of("category", F.none().category(Category.COMPLAINT)),
                Arguments.of("channel", F.none().channel(Channel.APP)),
                Arguments.of("urgency", F.none().urgency(Urgency.URGENT)),
                Arguments.of("area prefix", F.none().area("3706")),
                Arguments.of("area prefix, a whole code", F.none().area("370102")),
                Arguments.of("overdue", F.none().overdue(true)),
                Arguments.of("not overdue", F.none().overdue(false)),
                Arguments.of("from", F.none().from(day(3))),
                Arguments.of("from an instant finer than stored", F.none().from(someRegistration.plusNanos(400_000))),
                Arguments.of("to", F.none().to(day(6))),
                Arguments.of("to an instant finer than stored", F.none().to(someRegistration.plusNanos(400_000))),
                Arguments.of("text, other case", F.none().text("WATER leak")),
                Arguments.of("text, Chinese in the content", F.none().text("三天")),
                Arguments.of("text, a pattern taken literally", F.none().text(".*hole")),
                Arguments.of("text found nowhere", F.none().text("w.ter")),
                Arguments.of("phone", F.none().phone(PHONES[1])),
                Arguments.of("number, own", F.none().number(number(17))),
                Arguments.of("number, merged", F.none().number(number(28))),
                Arguments.of("pending objection", F.none().pending(CaseFilter.Pending.OBJECTION)),
                Arguments.of("pending extension", F.none().pending(CaseFilter.Pending.EXTENSION)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("criteria")
    void matchesIsTheQueryCriterionByCriterion(String name, F criterion) {
        CaseFilter filter = criterion.build();
        List<String> byQuery = mongo.find(CaseSearch.query(filter, NOW), CaseView.class, CaseView.COLLECTION)
                .map(CaseView::caseId).collectList().block();

        List<String> byMatch = views.stream().filter(view -> filter.matches(view, NOW)).map(CaseView::caseId)
                .toList();

        assertThat(byMatch).containsExactlyInAnyOrderElementsOf(byQuery);
    }

    /** The page as the search's query gives it (what the controller runs for every other search). */
    static SearchPage byQuery(CaseFilter filter, int page, int size) {
        long total = mongo.count(CaseSearch.query(filter, NOW), CaseView.class, CaseView.COLLECTION).block();
        Query paging = CaseSearch.summaryFields(CaseSearch.query(filter, NOW)).skip((long) page * size).limit(size);
        List<CaseSummary> items = mongo.find(paging, CaseView.class, CaseView.COLLECTION)
                .map(view -> CaseSummary.of(view, NOW, true)).collectList().block();
        return new SearchPage(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
