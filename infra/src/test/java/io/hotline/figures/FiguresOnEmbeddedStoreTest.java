package io.hotline.figures;

import io.hotline.kernel.common.Category;
import io.hotline.query.figures.ledger.FigureCollections;
import io.hotline.query.figures.facts.WorkingTime;
import io.hotline.query.readmodel.ReadModelGenerations;
import io.hotline.query.readmodel.ReadModelProcessors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static io.hotline.figures.CaseEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The figures in the running application on the embedded store: events appended through the app's event
 * store reach the figures API, the ranking, the live stream and the Prometheus gauges (metrics export is off in
 * tests unless asked for, hence {@code @AutoConfigureObservability}). Working time comes from
 * a test calendar (Monday to Friday count, whole days), so expectations do not depend on the real calendar.
 * <p>
 * March 2023 holds three cases (the expectations are worked out beside each assertion):
 * <pre>
 * I1 COMPLAINT 370602 CGJ signs Mon 6 Mar 09:30 on time, replies Fri 10 09:30 on time (4 days = 5760 min);
 *                     satisfied, solved.
 * I2 HELP      370613 SWJ signs Fri 10 Mar 12:00 on time, replies Mon 13 12:00 on time (12 h + 12 h over the
 *                     weekend = 1440 min); dissatisfied, unsolved.
 * I3 COMPLAINT 370602 dispatched to SWJ Mon 13 Mar 09:05, declared overdue on sign-for Tue 14 09:05; open.
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class FiguresOnEmbeddedStoreTest {

    private static final AtomicBoolean SEEDED = new AtomicBoolean();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", FiguresOnEmbeddedStoreTest::tempDir);
        io.hotline.testing.TestAccounts.configure(registry);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("hotline-figures-it").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Weekdays count whole, weekends not at all. An ordinary bean, as the real calendar will be: the
     * wall-clock stand-in must step aside for it.
     */
    @TestConfiguration
    static class WeekdayCalendar {

        @Bean
        @org.springframework.context.annotation.Primary
        WorkingTime weekdayWorkingTime() {
            return (from, to) -> {
                Duration total = Duration.ZERO;
                Instant cursor = from;
                while (cursor.isBefore(to)) {
                    LocalDate day = LocalDate.ofInstant(cursor, CaseEvents.ZONE);
                    Instant next = day.plusDays(1).atStartOfDay(CaseEvents.ZONE).toInstant();
                    Instant end = to.isBefore(next) ? to : next;
                    if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        total = total.plus(Duration.between(cursor, end));
                    }
                    cursor = end;
                }
                return total;
            };
        }
    }

    @Autowired
    ApplicationContext appContext;
    /** Signed in as the administrator: figures are open to every role, the Prometheus scrape to ADMIN only. */
    WebTestClient http;

    @Autowired
    EventStore events;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ReadModelGenerations generations;

    @Autowired
    ReadModelProcessors processors;

    @Autowired
    TokenStore tokens;

    @BeforeEach
    void signIn() {
        http = io.hotline.testing.TestAccounts.admin(appContext);
    }

    @BeforeEach
    void seedMarch2023() {
        if (!SEEDED.compareAndSet(false, true)) {
            return;
        }
        CaseEvents.registered(events, "I1", Category.COMPLAINT, "370602", at("2023-03-06T09:00"))
                .dispatched("CGJ", at("2023-03-06T09:10"), at("2023-03-07T09:10"))
                .signedFor("CGJ", at("2023-03-06T09:30"), true, at("2023-03-13T09:30"))
                .replied("CGJ", at("2023-03-10T09:30"), true)
                .feedback(at("2023-03-11T10:00"), true, true);
        CaseEvents.registered(events, "I2", Category.HELP, "370613", at("2023-03-10T11:00"))
                .dispatched("SWJ", at("2023-03-10T11:05"), at("2023-03-13T11:05"))
                .signedFor("SWJ", at("2023-03-10T12:00"), true, at("2023-03-17T12:00"))
                .replied("SWJ", at("2023-03-13T12:00"), true)
                .feedback(at("2023-03-14T10:00"), false, false);
        CaseEvents.registered(events, "I3", Category.COMPLAINT, "370602", at("2023-03-13T09:00"))
                .dispatched("SWJ", at("2023-03-13T09:05"), at("2023-03-14T09:05"))
                .signForMissed("SWJ", at("2023-03-14T09:05"));
    }

    @Test
    void theSummaryOfAWholeMonthShowsItsArithmetic() {
        awaitSummary("/api/v1/metrics/summary?from=2023-03-01&to=2023-03-31",
                summary -> figure(summary, "feedbackCoverage", "numerator") == 2
                        && figure(summary, "response", "denominator") == 3);
        http.get().uri("/api/v1/metrics/summary?from=2023-03-01&to=2023-03-31").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.from").isEqualTo("2023-03-01")
                .jsonPath("$.figures.acceptance.numerator").isEqualTo(3)      // I1, I2, I3 dispatched
                .jsonPath("$.figures.acceptance.denominator").isEqualTo(3)
                .jsonPath("$.figures.response.numerator").isEqualTo(2)        // I1 ✓, I2 ✓, I3 ✗
                .jsonPath("$.figures.response.denominator").isEqualTo(3)
                .jsonPath("$.figures.response.rate").isEqualTo(2.0 / 3)
                .jsonPath("$.figures.onTimeCompletion.rate").isEqualTo(1.0)   // I1, I2
                .jsonPath("$.figures.overdue.signFor").isEqualTo(1)
                .jsonPath("$.figures.handlingTime.replies").isEqualTo(2)
                .jsonPath("$.figures.handlingTime.totalWorkingSeconds").isEqualTo((5760 + 1440) * 60)
                .jsonPath("$.figures.handlingTime.averageWorkingMinutes").isEqualTo(3600.0)
                // ceil(0.9 × 2) = 2nd = 5760 min, in the 1-hour bin [5760, 5820)
                .jsonPath("$.figures.handlingTime.p90WorkingMinutes").isEqualTo(5820)
                .jsonPath("$.figures.satisfaction.numerator").isEqualTo(1)
                .jsonPath("$.figures.satisfaction.denominator").isEqualTo(2)
                .jsonPath("$.figures.solved.rate").isEqualTo(0.5)
                .jsonPath("$.figures.reopen.rate").isEqualTo(0.0)
                // no material requested: the rate is null, and written as null
                .jsonPath("$.figures.repeatedMaterialRequests.denominator").isEqualTo(0)
                .jsonPath("$.figures.repeatedMaterialRequests").value(value -> assertThat(value)
                        .asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("rate", null));

        http.get().uri("/api/v1/metrics/summary?from=2023-03-01&to=2023-03-31&unit=SWJ&area=370602").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.unit").isEqualTo("SWJ")
                .jsonPath("$.figures.response.numerator").isEqualTo(0)        // I3 only
                .jsonPath("$.figures.response.denominator").isEqualTo(1)
                // open right now (whatever the range): I3, overdue on sign-for
                .jsonPath("$.now.open").isEqualTo(1)
                .jsonPath("$.now.overdue").isEqualTo(1);
    }

    @Test
    void unitsAreRankedAndTheBulletinNamesThoseBelowTheFloors() {
        awaitSummary("/api/v1/metrics/summary?from=2023-03-01&to=2023-03-31",
                summary -> figure(summary, "feedbackCoverage", "numerator") == 2
                        && figure(summary, "response", "denominator") == 3);
        http.get().uri("/api/v1/metrics/ranking?from=2023-03-01&to=2023-03-31").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.weights.response").isEqualTo(0.30)
                // CGJ: 100 × (0.30 × 1 + 0.35 × 1 + 0.35 × 1) = 100
                .jsonPath("$.ranking[0].unit").isEqualTo("CGJ")
                .jsonPath("$.ranking[0].rank").isEqualTo(1)
                .jsonPath("$.ranking[0].score").isEqualTo(100.0)
                // SWJ: 100 × (0.30 × 1/2 + 0.35 × 0/1 + 0.35 × 0/1) = 15
                .jsonPath("$.ranking[1].unit").isEqualTo("SWJ")
                .jsonPath("$.ranking[1].score").value(score -> assertThat(((Number) score).doubleValue())
                        .isCloseTo(15.0, offset(1e-9)))
                .jsonPath("$.ranking[1].rates.response.denominator").isEqualTo(2)
                .jsonPath("$.unranked[?(@.unit == 'HOTLINE')]").isEmpty()
                .jsonPath("$.belowFloors[0].figure").isEqualTo("response")
                .jsonPath("$.belowFloors[0].units[0].unit").isEqualTo("SWJ")
                .jsonPath("$.belowFloors[1].figure").isEqualTo("satisfaction")
                .jsonPath("$.belowFloors[1].units[0].unit").isEqualTo("SWJ");
    }

    @Test
    void aSeriesHasALinePerUnitAndAPointPerWeek() {
        awaitSummary("/api/v1/metrics/summary?from=2023-03-01&to=2023-03-31",
                summary -> figure(summary, "response", "denominator") == 3);
        http.get().uri("/api/v1/metrics/series?from=2023-03-06&to=2023-03-19&period=week&by=unit").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.period").isEqualTo("week")
                .jsonPath("$.lines[*].key").isEqualTo(List.of("CGJ", "HOTLINE", "SWJ"))
                .jsonPath("$.lines[2].points[0].period").isEqualTo("2023-W10")
                .jsonPath("$.lines[2].points[0].figures.response.denominator").isEqualTo(1)   // I2 signed 10 Mar
                .jsonPath("$.lines[2].points[1].figures.response.denominator").isEqualTo(1)   // I3 overdue 14 Mar
                .jsonPath("$.lines[2].points[1].figures.response.numerator").isEqualTo(0);
    }

    @Test
    void badParametersAreAnsweredWithAProblemNamingThem() {
        expectProblem("/api/v1/metrics/summary?from=2023-02-30", "from");
        expectProblem("/api/v1/metrics/summary?from=2023-03-02&to=2023-03-01", "from");
        expectProblem("/api/v1/metrics/summary?from=2022-01-01&to=2023-03-01", "to");
        expectProblem("/api/v1/metrics/summary?from=2023-03-01&to=2023-03-31&category=GOSSIP", "category");
        expectProblem("/api/v1/metrics/series?from=2023-03-01&to=2023-03-31&period=fortnight", "period");
        expectProblem("/api/v1/metrics/series?from=2023-03-01&to=2023-03-31&by=colour", "by");
        expectProblem("/api/v1/metrics/ranking?to=never", "to");
        // a parameter an endpoint does not take is refused, as the search refuses one: a typo is not a filter
        expectProblem("/api/v1/metrics/summary?from=2023-03-01&bogus=1", "bogus");
        expectProblem("/api/v1/metrics/series?from=2023-03-01&units=SWJ", "units");
        expectProblem("/api/v1/metrics/ranking?from=2023-03-01&unit=SWJ", "unit");
        // a dashboard asking for the event stream gets the problem as problem+json too, not wrapped in an event
        http.get().uri("/api/v1/metrics/stream?from=2023-03-01&to=2023-03-31&area=1").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("area");
    }

    @Test
    void theLiveStreamSendsTheFiguresAgainWhenAnEventChangesThem() {
        Flux<ServerSentEvent<Map<String, Object>>> stream = http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/v1/metrics/stream?from=2023-04-01&to=2023-04-30")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                })
                .getResponseBody()
                .filter(event -> event.data() != null);

        StepVerifier.create(stream)
                .assertNext(first -> {
                    assertThat(first.event()).isEqualTo("figures");
                    assertThat(received(first.data())).isZero();
                    assertThat(first.data()).containsKey("ranking");
                })
                .then(() -> CaseEvents.registered(events, "S1", Category.HELP, "370602", at("2023-04-03T09:00")))
                .thenConsumeWhile(event -> received(event.data()) == 0)
                .expectNextMatches(event -> received(event.data()) == 1)
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void theHeadlineFiguresAreGaugesInPrometheus() {
        Instant now = Instant.now();
        CaseEvents.registered(events, "G1", Category.HELP, "370602", now.minusSeconds(5))
                .dispatched("ZWJ", now.minusSeconds(4), now.plus(Duration.ofDays(1)))
                .signedFor("ZWJ", now.minusSeconds(3), true, now.plus(Duration.ofDays(5)))
                .replied("ZWJ", now.minusSeconds(2), true)
                .feedback(now.minusSeconds(1), true, true);
        CaseEvents.registered(events, "G2", Category.HELP, "370602", now.minusSeconds(5))
                .dispatched("ZWJ", now.minusSeconds(4), now.plus(Duration.ofDays(1)));

        String scrape = awaitScrape(text -> text.contains("hotline_figures_satisfaction_rate{period=\"today\",unit=\"ZWJ\"}")
                && text.contains("hotline_cases_open{unit=\"ZWJ\"} 1.0")
                && text.contains("hotline_figures_evaluation_satisfaction_rate{channel=\"sms\",period=\"30d\"} 1.0"));
        assertThat(scrape)
                .contains("hotline_figures_satisfaction_rate{period=\"today\",unit=\"ZWJ\"} 1.0")
                .contains("hotline_figures_satisfaction_rate{period=\"month\",unit=\"ZWJ\"} 1.0")
                .contains("hotline_figures_ontime_completion_rate{period=\"today\",unit=\"ZWJ\"} 1.0")
                .contains("hotline_figures_response_rate{period=\"today\",unit=\"ZWJ\"} 1.0")
                .contains("hotline_cases_overdue{unit=\"ZWJ\"} 0.0")
                .contains("hotline_cases_open{unit=\"all\"}")
                // the evaluation figures: the one answer was evaluated by SMS, satisfied; nothing expired yet
                .contains("hotline_figures_evaluation_participation_rate{channel=\"sms\",period=\"30d\"} 1.0")
                .contains("hotline_figures_evaluation_participation_rate{channel=\"web\",period=\"30d\"} 0.0")
                .contains("hotline_figures_evaluation_unanswered{period=\"30d\"} 0.0")
                .contains("hotline_figures_evaluation_time_to_evaluate_hours{period=\"30d\"}")
                .doesNotContain("张三").doesNotContain("13800138000");
    }

    @Test
    void theTestsWorkingCalendarTakesPrecedenceOverTheApplications(@Autowired ApplicationContext context) {
        // The app's own bean is the working calendar's; this test's fake one takes precedence here.
        assertThat(context.getBeansOfType(WorkingTime.class)).containsOnlyKeys("weekdayWorkingTime", "workingTime");
        assertThat(context.getBean(WorkingTime.class)).isSameAs(context.getBean("weekdayWorkingTime"));
    }

    @Test
    void theFiguresRunInTheirGenerationsOwnProcessorWithOneSegmentThatRetriesAFailedEvent() {
        int live = generations.live(FigureCollections.MODEL);
        TrackingEventProcessor processor = processors.processor(FigureCollections.MODEL, live).orElseThrow();
        assertThat(processor.getName()).isEqualTo("case-figures-g" + live);
        assertThat(processor.maxCapacity()).isEqualTo(1);
        assertThat(tokens.fetchSegments(processor.getName())).containsExactly(0);
        assertThat(((SimpleEventHandlerInvoker) processor.eventHandlerInvoker()).getListenerInvocationErrorHandler())
                .isInstanceOf(PropagatingErrorHandler.class);
        // and no processor of Axon's own books the figures a second time
        assertThat(processing.eventProcessors()).doesNotContainKey("case-figures");
    }

    @Test
    void theStoredDocumentsArePlainAndKeyedForLookups() {
        awaitSummary("/api/v1/metrics/summary?from=2023-03-01&to=2023-03-31",
                summary -> figure(summary, "response", "denominator") == 3);
        Document facts = mongo.getCollection(generations.liveCollection(FigureCollections.MODEL, FigureCollections.FACTS))
                .flatMap(collection -> Mono.from(collection.find(new Document("_id", "I3")).first())).block();
        assertThat(facts).containsEntry("version", 2L).containsEntry("status", "DISPATCHED")
                .containsEntry("leadUnit", "SWJ").containsEntry("overdueNow", true).containsEntry("category", "COMPLAINT");
        assertThat(facts.toJson()).doesNotContain("13800138000");

        Document march = mongo.getCollection(generations.liveCollection(FigureCollections.MODEL, FigureCollections.BUCKETS))
                .flatMap(collection -> Mono.from(collection.find(new Document("_id", "M|2023-03|*|*|*")).first())).block();
        assertThat(march).containsEntry("received", 3L).containsEntry("signForJudged", 3L)
                .containsEntry("signedOnTime", 2L).containsEntry("handled", 2L)
                .containsEntry("handlingSeconds", (5760L + 1440) * 60).containsKey("last");
        // 1440 min is the first 1-hour bin (96); 5760 min is bin 96 + (5760 - 1440) / 60 = 168
        assertThat(march.get("h", Document.class)).containsEntry("96", 1L).containsEntry("168", 1L);

        Document keys = mongo.getCollection(generations.liveCollection(FigureCollections.MODEL, FigureCollections.KEYS))
                .flatMap(collection -> Mono.from(collection.find(new Document("_id", "M|2023-03")).first())).block();
        assertThat(keys.getList("units", String.class)).contains("CGJ", "SWJ", "HOTLINE");
    }

    @Test
    void aRebuildKeepsTheDashboardFullThroughoutAndEndsWithTheSameFigures() {
        String march = "/api/v1/metrics/summary?from=2023-03-01&to=2023-03-31&area=370613";
        String ranking = "/api/v1/metrics/ranking?from=2023-03-01&to=2023-03-31";
        Map<String, Object> before = awaitSummary(march, summary -> figure(summary, "feedbackCoverage", "numerator") == 1);
        String rankingBefore = body(ranking);
        List<Map<String, Object>> streamed = new CopyOnWriteArrayList<>();
        var stream = http.get().uri("/api/v1/metrics/stream?from=2023-03-01&to=2023-03-31&area=370613")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                }).getResponseBody()
                .filter(event -> event.data() != null)
                .subscribe(event -> streamed.add(event.data()));
        int old = generations.live(FigureCollections.MODEL);

        http.post().uri("/api/v1/admin/rebuild/case-figures").exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.buildingGeneration").isEqualTo(old + 1);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String state;
        do {
            assertThat(awaitSummary(march, summary -> true)).as("the summary while rebuilding").isEqualTo(before);
            assertThat(body(ranking)).as("the ranking while rebuilding").isEqualTo(rankingBefore);
            state = http.get().uri("/api/v1/admin/rebuild/case-figures").exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().get("state").toString();
            assertThat(System.nanoTime()).as("the rebuild finishes").isLessThan(deadline);
        } while (!"SWITCHED".equals(state));

        assertThat(generations.live(FigureCollections.MODEL)).isEqualTo(old + 1);
        assertThat(awaitSummary(march, summary -> true)).isEqualTo(before);
        assertThat(body(ranking)).isEqualTo(rankingBefore);
        stream.dispose();
        assertThat(streamed).as("the live dashboard").isNotEmpty()
                .allSatisfy(dashboard -> assertThat(received(dashboard)).isEqualTo(1));
    }

    private String body(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    private void expectProblem(String uri, String parameter) {
        http.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith(parameter + ":"))
                .jsonPath("$.errors[0].field").isEqualTo(parameter);
    }

    @SuppressWarnings("unchecked")
    private static long figure(Map<String, Object> summary, String figure, String part) {
        Map<String, Object> figures = (Map<String, Object>) summary.get("figures");
        return ((Number) ((Map<String, Object>) figures.get(figure)).get(part)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static long received(Map<String, Object> dashboard) {
        return figure((Map<String, Object>) dashboard.get("summary"), "acceptance", "denominator");
    }

    private Map<String, Object> awaitSummary(String uri, Predicate<Map<String, Object>> ready) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Map<String, Object> summary = http.get().uri(uri).exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                    }).returnResult().getResponseBody();
            if (ready.test(summary)) {
                return summary;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the figures never reached the expected state: " + summary);
            }
            pause();
        }
    }

    private String awaitScrape(Predicate<String> ready) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            String text = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            if (text != null && ready.test(text)) {
                return text;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gauges never appeared:\n" + text);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
