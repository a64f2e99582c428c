package io.hotline.lifecycle;

import io.hotline.testing.TestAccounts;
import org.springframework.context.ApplicationContext;
import io.hotline.intake.IntakeRoundTrip;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case through its whole life over HTTP on the embedded store: intake, dispatch, objection, designation,
 * transfer, material request, extension, reply, dissatisfied feedback, reopen, second reply, satisfied
 * feedback, close. Then the log must hold exactly the events of that story, in its order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseLifecycleOverHttpTest {

    static final Actor OPERATOR = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
    static final Actor COORDINATOR = Actor.of("co-wang", "HOTLINE", Role.COORDINATOR);
    static final Actor URBAN = Actor.of("ub-zhang", "URBAN-MGMT", Role.UNIT_HANDLER);
    static final Actor HOUSING = Actor.of("ho-liu", "HOUSING", Role.UNIT_HANDLER);
    static final Actor WATER = Actor.of("wa-sun", "WATER", Role.UNIT_HANDLER);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-lifecycle").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;

    /** Each person signs in with an account of their own unit and role. */
    private WebTestClient signedIn(Actor actor) {
        return TestAccounts.client(context, actor.userId(), actor.unitId(), actor.roles().toArray(Role[]::new));
    }

    @Test
    void aCaseLivesThroughObjectionTransferExtensionAndReopenToItsClose() {
        String caseId = (String) IntakeRoundTrip.registerAndReadBack(signedIn(OPERATOR), "call-life-1").get("caseId");

        as(OPERATOR).post(caseId, "dispatch", Map.of("leadUnit", "URBAN-MGMT", "assistingUnits", List.of()));
        as(URBAN).post(caseId, "objections", Map.of("reason", "不属于本单位职责"));
        as(URBAN).refused(caseId, "transfer", Map.of("toUnit", "WATER", "reason", "x"), 409, "NOT_IN_HANDLING");
        as(COORDINATOR).post(caseId, "lead-designation",
                Map.of("leadUnit", "HOUSING", "assistingUnits", List.of("URBAN-MGMT"), "reason", "住建牵头"));
        as(HOUSING).post(caseId, "sign", null);
        as(HOUSING).post(caseId, "transfer", Map.of("toUnit", "WATER", "reason", "供水管网问题"));
        as(HOUSING).refused(caseId, "reply", Map.of("result", "SOLVED", "text", "x"), 403, "NOT_YOUR_CASE");
        as(WATER).post(caseId, "sign", null);
        as(WATER).post(caseId, "material-requests", Map.of("items", List.of("现场照片", "具体位置")));
        as(WATER).post(caseId, "extensions", Map.of("extraWorkingDays", 3, "reason", "需停水施工"));
        as(COORDINATOR).post(caseId, "extensions/approval", null);
        as(WATER).post(caseId, "reply", Map.of("result", "SOLVED", "text", "管道已修复"));
        as(OPERATOR).post(caseId, "feedback", Map.of("channel", "PHONE", "satisfaction", "DISSATISFIED",
                "solved", false));
        as(OPERATOR).post(caseId, "reopen", Map.of("reason", "仍有漏水"));
        as(WATER).post(caseId, "reply", Map.of("result", "SOLVED", "text", "已彻底修复"));
        as(OPERATOR).post(caseId, "feedback", Map.of("channel", "SMS", "satisfaction", "SATISFIED", "solved", true));
        long version = as(OPERATOR).post(caseId, "close", null);
        as(OPERATOR).refused(caseId, "reopen", Map.of("reason", "again"), 409, "CASE_ENDED");

        List<String> events = eventStore.readEvents(caseId).asStream()
                .map(DomainEventMessage::getPayloadType).map(Class::getSimpleName).toList();
        assertThat(events).containsExactly("CaseRegistered", "CaseDispatched", "JurisdictionObjected",
                "LeadUnitDesignated", "CaseSignedFor", "CaseTransferred", "CaseSignedFor", "MaterialsRequested",
                "ExtensionRequested", "ExtensionApproved", "CaseReplied", "FeedbackRecorded", "CaseReopened",
                "CaseReplied", "FeedbackRecorded", "CaseClosed");
        assertThat(version).isEqualTo(events.size() - 1);

        // The view a supervisor reads, once it holds the last event: the story's end and its counts.
        signedIn(COORDINATOR).get().uri("/api/v1/cases/{id}?atLeastVersion={v}", caseId, version).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-View-Stale")
                .expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.leadUnit").isEqualTo("WATER")
                .jsonPath("$.accountableUnit").isEqualTo("WATER")
                .jsonPath("$.counters.transfers").isEqualTo(1)
                .jsonPath("$.counters.objections").isEqualTo(1)
                .jsonPath("$.counters.reopens").isEqualTo(1)
                .jsonPath("$.counters.extensions").isEqualTo(1)
                .jsonPath("$.counters.materialRequests").isEqualTo(1)
                .jsonPath("$.citizen.maskedPhone").isEqualTo("138****8000");
    }

    @Test
    void concurrentConflictingCommandsLoseNothingAndDuplicateNothing() throws Exception {
        String caseId = (String) IntakeRoundTrip.registerAndReadBack(signedIn(OPERATOR), "call-race-1").get("caseId");
        as(OPERATOR).post(caseId, "dispatch", Map.of("leadUnit", "URBAN-MGMT"));
        WebTestClient http = signedIn(URBAN);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> signs = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            signs.add(pool.submit(() -> http.post().uri("/api/v1/cases/{id}/sign", caseId).exchange()
                    .returnResult(String.class).getStatus().value()));
        }
        List<Integer> signStatuses = new java.util.ArrayList<>();
        for (var sign : signs) {
            signStatuses.add(sign.get());
        }
        assertThat(signStatuses).containsOnly(200, 409);
        assertThat(signStatuses).filteredOn(status -> status == 200).hasSize(1);

        List<java.util.concurrent.Future<Integer>> notes = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String note = "progress-" + i;
            notes.add(pool.submit(() -> http.post().uri("/api/v1/cases/{id}/progress", caseId)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("note", note)).exchange()
                    .returnResult(String.class).getStatus().value()));
        }
        long acknowledged = 0;
        for (var note : notes) {
            if (note.get() == 200) {
                acknowledged++;
            }
        }
        pool.shutdown();

        List<Object> recorded = eventStore.readEvents(caseId).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(io.hotline.kernel.cases.ProgressRecorded.class::isInstance)
                .map(e -> (Object) ((io.hotline.kernel.cases.ProgressRecorded) e).note())
                .toList();
        assertThat(acknowledged).isEqualTo(24);
        assertThat(recorded).hasSize(24).doesNotHaveDuplicates();
        assertThat(eventStore.readEvents(caseId).asStream()
                .filter(e -> e.getPayload() instanceof io.hotline.kernel.cases.CaseSignedFor)).hasSize(1);
    }

    /**
     * A handler of a unit that never had the case learns nothing from a command on it: every command answers word
     * for word what it answers for a case that does not exist, as a read does.
     */
    @Test
    void aCommandOnAnotherUnitsCaseAnswersAsForAMissingCase() {
        String caseId = (String) IntakeRoundTrip.registerAndReadBack(signedIn(OPERATOR), "call-life-sight")
                .get("caseId");
        as(OPERATOR).post(caseId, "dispatch", Map.of("leadUnit", "URBAN-MGMT", "assistingUnits", List.of()));
        WebTestClient gas = signedIn(Actor.of("gs-qian", "GAS-01", Role.UNIT_HANDLER));
        String missing = java.util.UUID.randomUUID().toString();
        Map<String, Object> bodies = new java.util.LinkedHashMap<>();
        bodies.put("sign", null);
        bodies.put("objections", Map.of("reason", "不属于本单位职责"));
        bodies.put("transfer", Map.of("toUnit", "WATER", "reason", "x"));
        bodies.put("progress", Map.of("note", "x"));
        bodies.put("material-requests", Map.of("items", List.of("现场照片")));
        bodies.put("extensions", Map.of("extraWorkingDays", 3, "reason", "x"));
        bodies.put("reply", Map.of("result", "SOLVED", "text", "x"));

        bodies.forEach((action, body) -> {
            Map<String, Object> onTheirs = answer(gas, caseId, action, body);
            Map<String, Object> onNone = answer(gas, missing, action, body);
            onTheirs.remove("instance");
            onNone.remove("instance");
            assertThat(onTheirs).as(action).isEqualTo(onNone).containsEntry("status", 404)
                    .containsEntry("code", "CASE_NOT_FOUND");
        });
        gas.get().uri("/api/v1/cases/{id}", caseId).exchange().expectStatus().isNotFound();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(WebTestClient client, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec spec = client.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        return new java.util.HashMap<String, Object>((Map<String, Object>) (body == null ? spec.exchange()
                : spec.bodyValue(body).exchange()).expectBody(Map.class).returnResult().getResponseBody());
    }

    private Step as(Actor actor) {
        return new Step(signedIn(actor));
    }

    private class Step {

        private final WebTestClient http;

        Step(WebTestClient http) {
            this.http = http;
        }

        long post(String caseId, String action, Object body) {
            Map<String, Object> ack = request(caseId, action, body).expectStatus().isOk()
                    .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
            assertThat(ack).containsEntry("caseId", caseId);
            return ((Number) ack.get("version")).longValue();
        }

        void refused(String caseId, String action, Object body, int status, String code) {
            request(caseId, action, body).expectStatus().isEqualTo(status)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo(code);
        }

        private WebTestClient.ResponseSpec request(String caseId, String action, Object body) {
            WebTestClient.RequestBodySpec spec = http.post().uri("/api/v1/cases/{id}/" + action, caseId)
                    .contentType(MediaType.APPLICATION_JSON);
            return body == null ? spec.exchange() : spec.bodyValue(body).exchange();
        }
    }
}
