package io.hotline.query;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.core.publisher.Flux;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One case over HTTP: the whole view, read-your-own-write, and unit scoping. */
class CaseViewApiTest extends QueryTestSupport {

    private static String newId() {
        return "cv-" + UUID.randomUUID();
    }

    private EntityExchangeResult<Map> read(String caseId, long atLeastVersion) {
        return http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", caseId, atLeastVersion)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theViewShowsOwnersChainDeadlinesAndColoursButNoPersonalNumbers() {
        CaseScript story = story(newId()).registered("20261120-000101", "370602")
                .dispatched("WATER-CV", "STREET-CV").objected("WATER-CV").designated("WATER-CV", "PARKS-CV")
                .signedFor("PARKS-CV");
        clock.set(story.now().plus(Duration.ofHours(8)).minus(Duration.ofHours(1)));

        EntityExchangeResult<Map> result = read(story.caseId(), story.version());
        Map<String, Object> view = result.getResponseBody();

        assertThat(result.getResponseHeaders().getFirst("X-View-Version")).isEqualTo("4");
        assertThat(result.getResponseHeaders().containsKey("X-View-Stale")).isFalse();
        assertThat(view).containsEntry("status", "IN_HANDLING")
                .containsEntry("caseNumber", "20261120-000101")
                .containsEntry("leadUnit", "PARKS-CV")
                .containsEntry("accountableUnit", "PARKS-CV")
                .containsEntry("version", 4)
                .containsEntry("warning", "YELLOW")
                .containsEntry("overdue", false);
        assertThat((Map<String, Object>) view.get("warnings")).containsEntry("COMPLETION", "YELLOW")
                .containsEntry("SIGN_FOR", "NONE");
        assertThat((List<Map<String, Object>>) view.get("chain")).extracting(entry -> entry.get("unit") + ":"
                        + entry.get("step"))
                .containsExactly("HOTLINE:REGISTERED", "WATER-CV:DISPATCHED", "STREET-CV:DISPATCHED",
                        "WATER-CV:OBJECTED", "PARKS-CV:DESIGNATED", "PARKS-CV:SIGNED");
        assertThat((Map<String, Object>) view.get("counters")).containsEntry("objections", 1)
                .containsEntry("designations", 1);
        assertThat((Map<String, Object>) view.get("citizen")).containsEntry("name", "张*")
                .containsEntry("maskedPhone", "138****8000")
                .doesNotContainKey("phoneHash");
        assertThat((Map<String, Object>) view.get("completionDeadline")).containsKeys("due", "warnAt", "startedAt");
        assertThat(result.toString()).doesNotContain("13800138000").doesNotContain("110101199003071234");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aUnitHandlerNeverSeesWhoComplainedNorAnyOfTheirNumbers() {
        CaseScript story = story(newId()).registered("20261120-000105", "370602").dispatched("WATER-PD")
                .signedFor("WATER-PD");
        read(story.caseId(), story.version());

        readers.actAs(CaseScript.handler("WATER-PD"));
        EntityExchangeResult<Map> result = read(story.caseId(), story.version());

        assertThat((Map<String, Object>) result.getResponseBody().get("citizen")).containsEntry("name", "[保密]")
                .doesNotContainKeys("maskedPhone", "maskedIdNumber", "phoneHash");
        assertThat(new String(http.get().uri("/api/v1/cases/{id}", story.caseId()).exchange()
                .expectBody().returnResult().getResponseBody()))
                .doesNotContain("张").doesNotContain("138****").doesNotContain("110***");
        for (io.hotline.kernel.common.Actor reader : List.of(OPERATOR,
                io.hotline.kernel.common.Actor.of("au-qian", "AUDIT", io.hotline.kernel.common.Role.AUDITOR),
                io.hotline.kernel.common.Actor.of("co-wang", "HOTLINE", io.hotline.kernel.common.Role.COORDINATOR))) {
            readers.actAs(reader);
            assertThat((Map<String, Object>) read(story.caseId(), story.version()).getResponseBody().get("citizen"))
                    .containsEntry("name", "张*").containsEntry("maskedPhone", "138****8000");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAnswerAtIntakeShowsTheArticleItWasReadFromAndNoneWhenNoneWasCited() {
        CaseScript cited = story(newId()).registered("20261120-000111", "370602").resolvedAtIntake("art-water", 2);
        Map<String, Object> view = read(cited.caseId(), cited.version()).getResponseBody();
        assertThat(view).containsEntry("status", "RESOLVED_AT_INTAKE");
        assertThat((Map<String, Object>) view.get("citedArticle")).containsEntry("articleId", "art-water")
                .containsEntry("version", 2);
        assertThat((Map<String, Object>) view.get("ending")).containsEntry("text", "已按知识条目解答");

        CaseScript plain = story(newId()).registered("20261120-000112", "370602").resolvedAtIntake();
        Map<String, Object> without = read(plain.caseId(), plain.version()).getResponseBody();
        assertThat(without).containsEntry("status", "RESOLVED_AT_INTAKE");
        assertThat(without.get("citedArticle")).isNull();
    }

    @Test
    void atLeastVersionWaitsForTheProjectionToCatchUp() {
        CaseScript story = story(newId()).registered("20261120-000102", "370602");
        read(story.caseId(), 0);

        Mono.delay(Duration.ofMillis(100)).publishOn(Schedulers.boundedElastic())
                .subscribe(tick -> story.dispatched("WATER-RYOW"));
        EntityExchangeResult<Map> result = read(story.caseId(), 1);

        assertThat(result.getResponseBody()).containsEntry("status", "DISPATCHED").containsEntry("version", 1);
        assertThat(result.getResponseHeaders().containsKey("X-View-Stale")).isFalse();
    }

    @Test
    void aViewThatDoesNotCatchUpInTimeIsAnsweredAsStale() {
        CaseScript story = story(newId()).registered("20261120-000103", "370602");
        read(story.caseId(), 0);

        EntityExchangeResult<Map> result = read(story.caseId(), 7);

        assertThat(result.getResponseHeaders().getFirst("X-View-Stale")).isEqualTo("true");
        assertThat(result.getResponseBody()).containsEntry("version", 0);
    }

    /** The case page follows the case: another person's sign-for reaches it as the case's new version. */
    @Test
    void theCaseStreamSendsEachNewVersion() {
        CaseScript story = story(newId()).registered("20261120-000190", "370602").dispatched("WATER-LIVE");
        read(story.caseId(), story.version());
        Flux<ServerSentEvent<Map<String, Object>>> stream = http.get().uri("/api/v1/cases/{id}/stream", story.caseId())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                })
                .getResponseBody()
                .filter(event -> event.data() != null);

        StepVerifier.create(stream)
                .assertNext(first -> assertThat(first.data()).containsEntry("version", 1))
                .then(() -> story.signedFor("WATER-LIVE"))
                .assertNext(next -> {
                    assertThat(next.event()).isEqualTo("case");
                    assertThat(next.data()).containsEntry("version", 2);
                })
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aCaseOutOfSightHasNoStream() {
        http.get().uri("/api/v1/cases/{id}/stream", newId()).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theApiIsDescribed() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(docs -> assertThat(docs)
                        .contains("/api/v1/inbox", "/api/v1/inbox/stream", "/api/v1/admin/rebuild/{readModel}",
                                "atLeastVersion"));
    }

    /** The description says how to sign in and lists the answers operations really give, with the problem schema. */
    @Test
    void theApiDescriptionHasItsSecuritySchemesAndRealAnswers() throws Exception {
        String docs = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        com.fasterxml.jackson.databind.JsonNode api = new com.fasterxml.jackson.databind.ObjectMapper().readTree(docs);

        assertThat(api.path("components").path("securitySchemes").fieldNames())
                .toIterable().contains("basic", "bearer", "session");
        assertThat(api.path("components").path("schemas").has("Problem")).isTrue();
        com.fasterxml.jackson.databind.JsonNode register = api.path("paths").path("/api/v1/cases").path("post")
                .path("responses");
        assertThat(register.fieldNames()).toIterable()
                .contains("201", "400", "401", "403", "409", "413", "415", "429")
                .doesNotContain("200");
        assertThat(register.path("400").path("content").path("application/problem+json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(api.path("paths").path("/api/v1/cases/{caseId}").path("get").path("responses").has("404"))
                .isTrue();
        assertThat(api.path("paths").path("/open311/v2/services.{format}").path("get").path("security").isArray())
                .as("Open311 is public").isTrue();
    }

    @Test
    void aCaseThatNeverAppearsIsNotFoundAfterTheWait() {
        http.get().uri("/api/v1/cases/{id}?atLeastVersion=0", newId())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aUnitHandlerReadsTheCasesOfTheirUnitAndNothingElse() {
        CaseScript story = story(newId()).registered("20261120-000104", "370602")
                .dispatched("WATER-SC", "STREET-SC").transferred("WATER-SC", "DISTRICT-SC");
        read(story.caseId(), story.version());

        for (String unit : List.of("WATER-SC", "STREET-SC", "DISTRICT-SC")) {
            readers.actAs(CaseScript.handler(unit));
            http.get().uri("/api/v1/cases/{id}", story.caseId()).exchange().expectStatus().isOk();
        }

        readers.actAs(CaseScript.handler("GAS-SC"));
        byte[] refused = http.get().uri("/api/v1/cases/{id}", story.caseId())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        byte[] missing = http.get().uri("/api/v1/cases/{id}", "no-such-case")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(refused)).doesNotContain("WATER-SC").doesNotContain("路灯");
        http.get().uri("/api/v1/cases/{id}?atLeastVersion=0", story.caseId())
                .exchange()
                .expectStatus().isNotFound();
        assertThat(new String(refused).replace(story.caseId(), "X").replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(new String(missing).replace("no-such-case", "X").replaceAll("\"instance\":\"[^\"]*\"", ""));
    }
}
