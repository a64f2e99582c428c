package io.hotline.citizen;

import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen's side over HTTP, without an account: an operator registers a case and reads out its 查询码, a unit
 * replies, the citizen follows the case with number and code (a timeline in plain words, no personal data, no staff
 * names or notes), evaluates it on the web once, and guessing codes is throttled like guessing passwords.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizenTrackingOverHttpTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final String REGISTRATION = """
            {"requestId":"%s","channel":"HOTLINE","category":"COMPLAINT","urgency":"NORMAL","title":"路灯不亮",
             "content":"小区门口路灯坏了三天，我叫张三","citizen":{"name":"张三","phone":"13800138000"},"area":"370602"}
            """;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-citizen").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoTemplate mongo;

    private WebTestClient as(String user, String unit, Role role) {
        return TestAccounts.client(context, user, unit, role);
    }

    @Test
    void theCitizenFollowsTheirCaseEvaluatesItOnceAndCannotGuessCodes() {
        WebTestClient operator = as("op-li", "HOTLINE", Role.OPERATOR);
        WebTestClient urban = as("ub-zhang", "URBAN-MGMT", Role.UNIT_HANDLER);
        WebTestClient citizen = TestAccounts.anonymous(context);

        Map<String, Object> receipt = operator.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(REGISTRATION.formatted("call-citizen-1")).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String caseId = (String) receipt.get("caseId");
        String number = (String) receipt.get("caseNumber");
        String code = (String) receipt.get("queryCode");
        assertThat(code).matches("[2-9A-Z]{6}");

        // Not replied yet: the citizen sees the case, but cannot evaluate it.
        awaitTrack(caseId, track -> "REGISTERED".equals(track.getString("status")));
        citizen.post().uri("/api/public/v1/track").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("caseNumber", number, "queryCode", code)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REGISTERED")
                .jsonPath("$.evaluation").isEqualTo("NONE");
        evaluate(citizen, caseId, code, "SATISFIED").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_REPLIED");

        action(operator, caseId, "dispatch", Map.of("leadUnit", "URBAN-MGMT"));
        action(urban, caseId, "sign", null);
        action(urban, caseId, "progress", Map.of("note", "内部备注：请王科长督促施工队"));
        action(urban, caseId, "reply", Map.of("result", "SOLVED", "text", "路灯已于今日修复，电话 13912345678 可咨询"));
        awaitTrack(caseId, track -> "REPLIED".equals(track.getString("status")));
        awaitCallBacks(ids -> ids.contains(caseId));

        String answer = citizen.post().uri("/api/public/v1/track").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("caseNumber", number, "queryCode", code.toLowerCase(Locale.ROOT))).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(String.class).returnResult().getResponseBody();
        Map<String, Object> track = parse(answer);
        assertThat(track).containsEntry("caseNumber", number).containsEntry("status", "REPLIED")
                .containsEntry("evaluation", "OPEN").containsEntry("category", "COMPLAINT");
        assertThat(steps(track)).containsExactly("REGISTERED", "DISPATCHED", "SIGNED_FOR", "REPLIED");
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = (Map<String, Object>) track.get("reply");
        assertThat(reply).containsEntry("unit", "URBAN-MGMT").containsEntry("result", "SOLVED");
        assertThat((String) reply.get("text")).startsWith("路灯已于今日修复").contains("***");
        assertThat(answer).doesNotContain("张三", "13800138000", "138****", "13912345678", "内部备注", "王科长",
                "op-li", "ub-zhang", "小区门口", "phone", "citizen\"");

        // A wrong code and an unknown number are answered alike, and the evaluation needs the code too.
        Map<String, Object> wrong = refusedTrack(citizen, number, code.equals("AAAAAA") ? "BBBBBB" : "AAAAAA", 404);
        Map<String, Object> unknown = refusedTrack(citizen, "20000101-000001", code, 404);
        wrong.remove("instance");
        unknown.remove("instance");
        assertThat(wrong).isEqualTo(unknown).containsEntry("code", "CASE_NOT_FOUND");
        evaluate(citizen, caseId, code.equals("AAAAAA") ? "BBBBBB" : "AAAAAA", "SATISFIED").expectStatus().isNotFound();

        // Bad input names the field and the rule, and changes nothing.
        citizen.post().uri("/api/public/v1/track").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("caseNumber", "1".repeat(40), "queryCode", code)).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("caseNumber");
        citizen.post().uri("/api/public/v1/evaluations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("caseId", caseId, "queryCode", code, "satisfaction", "SATISFIED", "solved", true,
                        "comment", "很好\u0007")).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("comment");
        citizen.post().uri("/api/public/v1/evaluations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("caseId", caseId, "queryCode", code, "satisfaction", "SATISFIED", "solved", true,
                        "comment", "好".repeat(501))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("comment");

        // 网上评价: once.
        evaluate(citizen, caseId, code, "SATISFIED").expectStatus().isCreated();
        evaluate(citizen, caseId, code, "VERY_SATISFIED").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("FEEDBACK_ALREADY_RECORDED");
        List<FeedbackRecorded> feedback = eventStore.readEvents(caseId).asStream().map(DomainEventMessage::getPayload)
                .filter(FeedbackRecorded.class::isInstance).map(FeedbackRecorded.class::cast).toList();
        assertThat(feedback).singleElement().satisfies(recorded -> {
            assertThat(recorded.channel()).isEqualTo(FeedbackChannel.WEB);
            assertThat(recorded.actor()).isEqualTo(Actor.CITIZEN);
            assertThat(recorded.comment()).isEqualTo("灯亮了");
        });
        awaitTrack(caseId, stored -> stored.get("evaluation") != null);
        awaitCallBacks(ids -> !ids.contains(caseId));
        citizen.post().uri("/api/public/v1/track").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("caseNumber", number, "queryCode", code)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.evaluation").isEqualTo("DONE")
                .jsonPath("$.evaluatedBy").isEqualTo("WEB");

        // Guessing: wrong codes are rationed like passwords, then even the right one waits.
        int refusedAt = 0;
        for (int guess = 1; guess <= 12 && refusedAt == 0; guess++) {
            int status = citizen.post().uri("/api/public/v1/track").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("caseNumber", number, "queryCode", "ZZZZ" + (10 + guess))).exchange()
                    .returnResult(String.class).getStatus().value();
            if (status == 429) {
                refusedAt = guess;
            } else {
                assertThat(status).isEqualTo(404);
            }
        }
        assertThat(refusedAt).as("a guess was refused").isBetween(2, 12);
        citizen.post().uri("/api/public/v1/track").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("caseNumber", number, "queryCode", code)).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(mongo.getCollection("access_denials").countDocuments(new Document("path", "/api/public/v1/track")
                .append("status", 429))).isPositive();
        assertThat(mongo.getCollection("access_denials").countDocuments(new Document("path", "/api/public/v1/track")
                .append("status", 404))).isPositive();
    }

    @Test
    void theCallBackWorkbenchListsRepliesOldestFirstAndDropsThemOnceEvaluated() {
        WebTestClient operator = as("op-zhou", "HOTLINE", Role.OPERATOR);
        WebTestClient urban = as("ub-wu", "URBAN-MGMT", Role.UNIT_HANDLER);
        String first = replied(operator, urban, "call-workbench-1", "第一件答复");
        String second = replied(operator, urban, "call-workbench-2", "第二件答复");
        awaitCallBacks(ids -> ids.contains(first) && ids.contains(second));

        Map<String, Object> list = operator.get().uri("/api/v1/call-backs").exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("items");
        assertThat(items).extracting(item -> item.get("caseId")).containsSubsequence(first, second);
        assertThat(items).filteredOn(item -> first.equals(item.get("caseId"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("maskedPhone", "138****8000")
                        .containsEntry("gist", "第一件答复").containsEntry("unit", "URBAN-MGMT")
                        .containsEntry("invitationExpired", false));
        urban.get().uri("/api/v1/call-backs").exchange().expectStatus().isForbidden();

        action(operator, second, "feedback", Map.of("channel", "PHONE", "satisfaction", "SATISFIED", "solved", true));
        awaitCallBacks(ids -> !ids.contains(second) && ids.contains(first));
        operator.get().uri("/api/v1/call-backs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.caseId == '" + second + "')]").doesNotExist();
    }

    private String replied(WebTestClient operator, WebTestClient urban, String requestId, String reply) {
        String caseId = (String) operator.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(REGISTRATION.formatted(requestId)).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("caseId");
        action(operator, caseId, "dispatch", Map.of("leadUnit", "URBAN-MGMT"));
        action(urban, caseId, "sign", null);
        action(urban, caseId, "reply", Map.of("result", "SOLVED", "text", reply));
        return caseId;
    }

    private void awaitCallBacks(Predicate<List<Object>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<Object> ids = mongo.getCollection("call_backs").find().map(found -> found.get("_id"))
                    .into(new java.util.ArrayList<>());
            if (done.test(ids)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the call-back list never caught up: " + ids);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private WebTestClient.ResponseSpec evaluate(WebTestClient citizen, String caseId, String code, String level) {
        return citizen.post().uri("/api/public/v1/evaluations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("caseId", caseId, "queryCode", code, "satisfaction", level, "solved", true,
                        "comment", "灯亮了"))
                .exchange();
    }

    private static Map<String, Object> refusedTrack(WebTestClient citizen, String number, String code, int status) {
        return new HashMap<>(citizen.post().uri("/api/public/v1/track").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("caseNumber", number, "queryCode", code)).exchange()
                .expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody());
    }

    private static void action(WebTestClient http, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec spec = http.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        (body == null ? spec.exchange() : spec.bodyValue(body).exchange()).expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private static List<String> steps(Map<String, Object> track) {
        return ((List<Map<String, Object>>) track.get("steps")).stream().map(step -> (String) step.get("kind")).toList();
    }

    private static Map<String, Object> parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, JSON_MAP);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> JSON_MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    /** Waits for the tracking read model (its own processor) to hold what the case's last command did. */
    private void awaitTrack(String caseId, Predicate<Document> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Document stored = mongo.getCollection("citizen_tracks").find(new Document("_id", caseId)).first();
            if (stored != null && done.test(stored)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the tracking view of " + caseId + " never caught up: " + stored);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
