package io.hotline.figures;

import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.kernel.common.Category;
import io.hotline.testing.TestAccounts;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.hotline.figures.CaseEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures by level over HTTP: a directory of two districts (TD with streets TD-A and TD-B and a community under
 * TD-A; TE alone), one case TD sends down to TD-A, one TE handles itself.
 * <pre>
 * S1 TD signs on time, sends down to TD-A, which signs late and replies on time (TD's own clock: on time too);
 *    evaluated satisfied and solved.
 * S2 TE signs on time and replies on time; evaluated dissatisfied, unsolved.
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubtreeFiguresOverHttpTest {

    private static final AtomicBoolean SEEDED = new AtomicBoolean();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String MAY = "from=2022-05-01&to=2022-05-31";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", SubtreeFiguresOverHttpTest::tempDir);
        TestAccounts.configure(registry);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("hotline-subtree-figures").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    EventStore events;

    WebTestClient http;

    @BeforeEach
    void seed() throws InterruptedException {
        http = TestAccounts.admin(context);
        if (!SEEDED.compareAndSet(false, true)) {
            return;
        }
        http.post().uri("/api/v1/admin/units/import").contentType(new MediaType("text", "csv"))
                .bodyValue("""
                        code,fullName,shortName,kind,parent,areaCodes,contact,inServiceFrom
                        TD,测试区人民政府,测试区,DISTRICT,,371002,,2020-01-01
                        TE,另一区人民政府,另一区,DISTRICT,,371003,,2020-01-01
                        TD-A,测试区甲街道办事处,甲街道,STREET,TD,,,2020-01-01
                        TD-B,测试区乙街道办事处,乙街道,STREET,TD,,,2020-01-01
                        TD-A-1,甲街道一社区居委会,一社区,COMMUNITY,TD-A,,,2020-01-01
                        """)
                .exchange().expectStatus().is2xxSuccessful();
        CaseEvents.registered(events, "S1", Category.HELP, "371002", at("2022-05-09T09:00"))
                .dispatched("TD", at("2022-05-09T09:05"), at("2022-05-10T09:05"))
                .signedFor("TD", at("2022-05-09T09:30"), true, at("2022-05-16T09:30"))
                .dispatchedDown("TD", "TD-A", at("2022-05-09T10:00"), at("2022-05-10T10:00"))
                .signedFor("TD-A", at("2022-05-10T12:00"), false, at("2022-05-13T12:00"))
                .replied("TD-A", at("2022-05-11T10:00"), true)
                .feedback(at("2022-05-12T10:00"), true, true);
        CaseEvents.registered(events, "S2", Category.HELP, "371003", at("2022-05-09T09:00"))
                .dispatched("TE", at("2022-05-09T09:05"), at("2022-05-10T09:05"))
                .signedFor("TE", at("2022-05-09T09:30"), true, at("2022-05-16T09:30"))
                .replied("TE", at("2022-05-11T10:00"), true)
                .feedback(at("2022-05-12T10:00"), false, false);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode all = json("/api/v1/metrics/summary?" + MAY);
            boolean directory = http.get().uri("/api/v1/units/TD-A-1").exchange().returnResult(String.class)
                    .getStatus().is2xxSuccessful();
            if (directory && all.path("figures").path("feedbackCoverage").path("numerator").asInt() == 2) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the directory and the figures did not catch up in " + PATIENCE);
    }

    @Test
    void aDistrictsFiguresRollUpItsStreetsPart() {
        JsonNode alone = json("/api/v1/metrics/summary?" + MAY + "&unit=TD");
        assertThat(fraction(alone, "response")).isEqualTo("1/1");
        assertThat(fraction(alone, "onTimeCompletion")).isEqualTo("1/1");   // its own clock, settled by TD-A's reply
        assertThat(fraction(alone, "satisfaction")).isEqualTo("0/0");       // the answer is TD-A's
        assertThat(alone.hasNonNull("units")).isFalse();                   // a unit alone: no roll-up

        JsonNode rolled = json("/api/v1/metrics/summary?" + MAY + "&unit=TD&subtree=true");
        assertThat(fraction(rolled, "response")).isEqualTo("1/2");          // TD on time, TD-A late
        assertThat(fraction(rolled, "onTimeCompletion")).isEqualTo("2/2");
        assertThat(fraction(rolled, "satisfaction")).isEqualTo("1/1");
        assertThat(rolled.path("units").asInt()).isEqualTo(4);

        JsonNode series = json("/api/v1/metrics/series?" + MAY + "&unit=TD&subtree=true&period=month");
        assertThat(series.path("lines").get(0).path("points").get(0).path("figures").path("response")
                .path("denominator").asInt()).isEqualTo(2);
    }

    @Test
    void districtsAreRankedAmongDistrictsAndStreetsAmongTheirDistrictsStreets() {
        JsonNode districts = json("/api/v1/metrics/ranking?" + MAY + "&level=DISTRICT");
        assertThat(districts.path("groups")).hasSize(1);
        assertThat(districts.path("groups").get(0).path("key").asText()).isEqualTo("DISTRICT");
        // TD rolled up: 100 × (0.30 × 1/2 + 0.35 × 1 + 0.35 × 1) = 85; TE: 100 × (0.30 × 1) = 30
        assertThat(districts.path("ranking").get(0).path("unit").asText()).isEqualTo("TD");
        assertThat(districts.path("ranking").get(0).path("score").asDouble()).isEqualTo(85.0, within());
        assertThat(districts.path("ranking").get(1).path("unit").asText()).isEqualTo("TE");
        assertThat(districts.path("ranking").get(1).path("rank").asInt()).isEqualTo(2);

        JsonNode streets = json("/api/v1/metrics/ranking?" + MAY + "&level=STREET&parent=TD");
        assertThat(streets.path("ranking")).hasSize(1);
        assertThat(streets.path("ranking").get(0).path("unit").asText()).isEqualTo("TD-A");
        assertThat(streets.path("ranking").get(0).path("group").asText()).isEqualTo("STREET:TD");

        JsonNode everyone = json("/api/v1/metrics/ranking?" + MAY);
        assertThat(everyone.path("ranking").findValuesAsText("group")).containsExactly("DISTRICT", "DISTRICT",
                "STREET:TD");
    }

    @Test
    void aSubtreeWithoutAUnitOrAnUnknownLevelIsRefused() {
        http.get().uri("/api/v1/metrics/summary?subtree=true").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("subtree");
        http.get().uri("/api/v1/metrics/summary?unit=TD&subtree=yes").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("subtree");
        http.get().uri("/api/v1/metrics/ranking?level=CITY").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("level");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private static String fraction(JsonNode summary, String figure) {
        JsonNode value = summary.path("figures").path(figure);
        return value.path("numerator").asLong() + "/" + value.path("denominator").asLong();
    }

    private JsonNode json(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }
}
