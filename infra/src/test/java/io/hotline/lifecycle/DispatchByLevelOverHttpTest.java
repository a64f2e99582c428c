package io.hotline.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.command.policy.DeadlinePolicy;
import io.hotline.command.policy.LevelPolicy;
import io.hotline.intake.IntakeRoundTrip;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import io.hotline.kernel.units.UnitKind;
import io.hotline.testing.TestAccounts;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispatch by level (分级派单) over HTTP on the embedded store, with the demo directory of 威海市: the hotline
 * dispatches to 环翠区, the district signs and sends the case down to 鲸园街道, the street objects and the district
 * (not the hotline) overrules it, the street signs and drafts its reply, the district returns it, the street drafts
 * again, the district approves and the citizen's message is queued. At each step the case view's chain, levels,
 * accountable unit, status and every deadline are checked against the policies' own answers, and the inboxes of
 * both units against what needs them. The refusals (outside the subtree, a unit not in service, the hotline
 * deciding an objection from below) answer problem+json and change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DispatchByLevelOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISTRICT = "HUANCUI";
    private static final String STREET = "HC-JINGYUAN";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-levels").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;
    @Autowired
    LevelPolicy levels;
    @Autowired
    DeadlinePolicy serviceLevels;
    @Autowired
    MongoDatabaseFactory mongo;

    @Test
    void aCaseGoesDownToAStreetIsRepliedThereReviewedByTheDistrictAndReachesTheCitizen() {
        WebTestClient admin = TestAccounts.admin(context);
        loadTheDemoDirectory();
        // a street that enters service only later: nothing can be sent to it yet
        admin.post().uri("/api/v1/admin/units").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "HC-NEWTOWN", "fullName", "环翠区新城街道办事处", "shortName", "新城街道",
                        "kind", "STREET", "parent", DISTRICT, "inServiceFrom", "2099-01-01"))
                .exchange().expectStatus().is2xxSuccessful();
        WebTestClient operator = TestAccounts.client(context, "lv-operator", "HOTLINE", Role.OPERATOR);
        WebTestClient coordinator = TestAccounts.client(context, "lv-coordinator", "HOTLINE", Role.COORDINATOR);
        WebTestClient district = TestAccounts.client(context, "hc-wang", DISTRICT, Role.UNIT_HANDLER);
        WebTestClient street = TestAccounts.client(context, "jy-li", STREET, Role.UNIT_HANDLER);

        String caseId = (String) IntakeRoundTrip.registerAndReadBack(operator, "call-levels-1").get("caseId");
        post(operator, caseId, "dispatch", Map.of("leadUnit", DISTRICT, "assistingUnits", List.of()));
        JsonNode view = view(district, caseId, post(district, caseId, "sign", null));
        Category category = Category.valueOf(view.get("category").asText());
        Urgency urgency = Urgency.valueOf(view.get("urgency").asText());
        assertThat(view.get("status").asText()).isEqualTo("IN_HANDLING");
        assertThat(view.get("accountableUnit").asText()).isEqualTo(DISTRICT);
        assertLevels(view, "1:HUANCUI<HOTLINE:handling:accountable");
        JsonNode districtsClock = view.get("completionDeadline");
        assertThat(districtsClock.get("unit").asText()).isEqualTo(DISTRICT);
        assertDue(districtsClock, serviceLevels.completion(category, urgency, startedAt(districtsClock)));

        // refused: outside the district's subtree, not in service; nothing changes
        long before = events(caseId).size();
        refused(district, caseId, "dispatch-down", Map.of("toUnit", "WD-LONGSHAN"), 400, "OUTSIDE_SUBTREE");
        refused(district, caseId, "dispatch-down", Map.of("toUnit", "HC-NEWTOWN"), 400, "UNIT_NOT_IN_SERVICE");
        refused(street, caseId, "dispatch-down", Map.of("toUnit", STREET), 404, "CASE_NOT_FOUND");
        assertThat(events(caseId)).hasSize((int) before);

        // 下派: the street has its own sign-for clock; the district stays accountable and its clock runs on
        view = view(district, caseId, post(district, caseId, "dispatch-down",
                Map.of("toUnit", STREET, "assistingUnits", List.of(), "instructions", "请属地核实处理")));
        assertThat(view.get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(view.get("leadUnit").asText()).isEqualTo(STREET);
        assertThat(view.get("accountableUnit").asText()).isEqualTo(DISTRICT);
        assertLevels(view, "1:HUANCUI<HOTLINE:accountable", "2:HC-JINGYUAN<HUANCUI:handling");
        assertThat(view.get("levels").get(0).get("completionDeadline")).isEqualTo(districtsClock);
        assertThat(view.get("levels").get(0).get("instructions").asText()).isEqualTo("请属地核实处理");
        assertThat(last(view.get("chain")).get("step").asText()).isEqualTo("DISPATCHED_DOWN");
        assertThat(last(view.get("chain")).get("from").asText()).isEqualTo(DISTRICT);
        JsonNode streetsSignFor = view.get("signForDeadline");
        assertThat(streetsSignFor.get("unit").asText()).isEqualTo(STREET);
        assertDue(streetsSignFor, levels.signFor(UnitKind.STREET, category, urgency, startedAt(streetsSignFor)));
        assertThat(absent(view, "completionDeadline")).isTrue();
        assertInbox(district, caseId, "SENT_DOWN");
        assertInbox(street, caseId, "LEAD");

        // an objection from below is the district's to decide, not the hotline's
        long objected = post(street, caseId, "objections", Map.of("reason", "该路段由区住建局管理"));
        view = view(district, caseId, objected);
        assertThat(view.get("pendingObjection").get("decidedBy").asText()).isEqualTo(DISTRICT);
        assertInbox(district, caseId, "DECIDE_OBJECTION");
        refused(coordinator, caseId, "lead-designation", Map.of("leadUnit", "HC-ZHUDAO", "assistingUnits", List.of(),
                "reason", "协调"), 409, "OBJECTION_GOES_TO_SENDER");
        refused(coordinator, caseId, "redispatch", Map.of("leadUnit", "HC-ZHUDAO", "assistingUnits", List.of(),
                "reason", "改派"), 409, "OBJECTION_GOES_TO_SENDER");
        assertThat(events(caseId)).hasSize((int) objected + 1);
        // nor is it on the coordinator's list of objections to settle (协调督办)
        assertThat(found(coordinator, "pending=OBJECTION")).doesNotContain(caseId);
        view = view(district, caseId, post(district, caseId, "objections/overruling", Map.of("reason", "属街道辖区")));
        assertThat(absent(view, "pendingObjection")).isTrue();
        assertThat(last(view.get("chain")).get("step").asText()).isEqualTo("OBJECTION_OVERRULED");
        JsonNode freshSignFor = view.get("signForDeadline");
        assertDue(freshSignFor, levels.signFor(UnitKind.STREET, category, urgency, startedAt(freshSignFor)));
        assertInbox(district, caseId, "SENT_DOWN");

        // the street signs: it answers for the case to the district, against its own limit capped by the district's
        view = view(street, caseId, post(street, caseId, "sign", null));
        assertThat(view.get("status").asText()).isEqualTo("IN_HANDLING");
        assertThat(view.get("accountableUnit").asText()).isEqualTo(STREET);
        assertLevels(view, "1:HUANCUI<HOTLINE", "2:HC-JINGYUAN<HUANCUI:handling:accountable");
        assertThat(absent(view.get("signForDeadline"), "doneAt")).isFalse();
        JsonNode streetsClock = view.get("completionDeadline");
        assertThat(streetsClock.get("unit").asText()).isEqualTo(STREET);
        assertDue(streetsClock, levels.completion(UnitKind.STREET, category, urgency, startedAt(streetsClock),
                deadline(districtsClock)));
        assertThat(Instant.parse(streetsClock.get("due").asText()))
                .isBeforeOrEqualTo(Instant.parse(districtsClock.get("due").asText()));

        // the street's reply is a draft for the district's review (办结审核); the citizen hears nothing yet
        view = view(street, caseId, post(street, caseId, "reply", Map.of("result", "SOLVED", "text", "路灯已修复")));
        assertThat(view.get("status").asText()).isEqualTo("IN_HANDLING");
        assertThat(absent(view, "lastReply")).isTrue();
        assertThat(view.get("pendingReview").get("reviewer").asText()).isEqualTo(DISTRICT);
        assertThat(view.get("pendingReview").get("text").asText()).isEqualTo("路灯已修复");
        JsonNode reviewClock = view.get("reviewDeadline");
        assertThat(reviewClock.get("unit").asText()).isEqualTo(DISTRICT);
        assertDue(reviewClock, levels.review(UnitKind.STREET, startedAt(reviewClock)));
        assertInbox(district, caseId, "REVIEW_REPLY");
        refused(street, caseId, "reply", Map.of("result", "SOLVED", "text", "again"), 409, "REVIEW_PENDING");
        assertThat(found(district, "pending=REVIEW")).contains(caseId);

        // returned with a reason: the street handles on, its clock unchanged
        view = view(district, caseId, post(district, caseId, "reply/return", Map.of("reason", "请补充现场照片")));
        assertThat(absent(view, "pendingReview")).isTrue();
        assertThat(view.get("lastReview").get("approved").asBoolean()).isFalse();
        assertThat(absent(view.get("reviewDeadline"), "doneAt")).isFalse();
        assertThat(view.get("completionDeadline")).isEqualTo(streetsClock);
        assertInbox(district, caseId, "SENT_DOWN");
        refused(district, caseId, "reply/approval", Map.of(), 409, "NO_REVIEW_PENDING");

        // drafted again and approved: the reply reaches the citizen as the street's
        post(street, caseId, "reply", Map.of("result", "SOLVED", "text", "路灯已修复，附现场照片"));
        long approved = post(district, caseId, "reply/approval", Map.of("comment", "同意"));
        view = view(operator, caseId, approved);
        assertThat(view.get("status").asText()).isEqualTo("REPLIED");
        assertThat(view.get("lastReply").get("unit").asText()).isEqualTo(STREET);
        assertThat(view.get("lastReply").get("text").asText()).isEqualTo("路灯已修复，附现场照片");
        assertThat(view.get("lastReview").get("approved").asBoolean()).isTrue();
        assertThat(absent(view.get("completionDeadline"), "doneAt")).isFalse();
        assertThat(absent(view.get("levels").get(0).get("completionDeadline"), "doneAt")).isFalse();
        assertThat(absent(view, "nextDue")).isTrue();
        assertThat(steps(view)).containsSubsequence("DISPATCHED", "SIGNED", "DISPATCHED_DOWN", "OBJECTED",
                "OBJECTION_OVERRULED", "SIGNED", "REPLY_DRAFTED", "REPLY_RETURNED", "REPLY_DRAFTED", "REPLY_APPROVED");
        assertInbox(district, caseId);
        assertInbox(street, caseId);
        assertThat(events(caseId)).containsSubsequence("CaseDispatchedDown", "JurisdictionObjected",
                "ObjectionOverruled", "CaseSignedFor", "ReplySubmittedForReview", "ReplyReturned",
                "ReplySubmittedForReview", "ReplyApproved", "CaseReplied");
        eventually(() -> mongo.getMongoDatabase().getCollection("citizen_notifications")
                .find(new Document("caseId", caseId).append("template", "REPLIED")).first() != null);

        // the auditor's history names every step, from the log; its export shows the levels
        WebTestClient auditor = TestAccounts.client(context, "lv-auditor", "HOTLINE", Role.AUDITOR);
        String history = auditor.get().uri("/api/v1/audit/cases/{id}/history", caseId).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(history).contains("由 HUANCUI 下派至 HC-JINGYUAN（第 2 级，主办）", "对 HC-JINGYUAN 就诉求",
                "拟写诉求", "答复退回", "审核通过 HC-JINGYUAN 拟写的诉求", "sent case");
        String export = auditor.get().uri("/api/v1/audit/cases/{id}/history/export.html", caseId).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(export).contains("下派层级", "HUANCUI → HC-JINGYUAN");
    }

    @Test
    void theStreetTransfersOnlyWithinTheDistrictAndTheDistrictTakesTheCaseBack() {
        loadTheDemoDirectory();
        WebTestClient operator = TestAccounts.client(context, "lv-operator", "HOTLINE", Role.OPERATOR);
        WebTestClient district = TestAccounts.client(context, "hc-wang", DISTRICT, Role.UNIT_HANDLER);
        WebTestClient street = TestAccounts.client(context, "jy-li", STREET, Role.UNIT_HANDLER);
        String caseId = (String) IntakeRoundTrip.registerAndReadBack(operator, "call-levels-2").get("caseId");
        post(operator, caseId, "dispatch", Map.of("leadUnit", DISTRICT, "assistingUnits", List.of()));
        JsonNode signed = view(district, caseId, post(district, caseId, "sign", null));
        JsonNode districtsClock = signed.get("completionDeadline");
        post(district, caseId, "dispatch-down", Map.of("toUnit", STREET, "assistingUnits", List.of()));
        long before = post(street, caseId, "sign", null);

        // below the first level a case moves only within the sending unit's subtree
        refused(street, caseId, "transfer", Map.of("toUnit", "WD-LONGSHAN", "reason", "属文登区"), 400, "OUTSIDE_SUBTREE");
        refused(street, caseId, "transfer", Map.of("toUnit", DISTRICT, "reason", "退回区里"), 400, "OUTSIDE_SUBTREE");
        refused(street, caseId, "take-back", Map.of("reason", "x"), 403, "NOT_YOUR_CASE");
        assertThat(events(caseId)).hasSize((int) before + 1);

        // 收回: the district handles the case itself again, on its own clock as it ran, accountable at once
        JsonNode view = view(district, caseId, post(district, caseId, "take-back", Map.of("reason", "街道人手不足")));
        assertThat(view.get("status").asText()).isEqualTo("IN_HANDLING");
        assertThat(view.get("leadUnit").asText()).isEqualTo(DISTRICT);
        assertThat(view.get("accountableUnit").asText()).isEqualTo(DISTRICT);
        assertThat(view.get("completionDeadline")).isEqualTo(districtsClock);
        assertLevels(view, "1:HUANCUI<HOTLINE:handling:accountable");
        assertThat(last(view.get("chain")).get("step").asText()).isEqualTo("TAKEN_BACK");
        assertInbox(street, caseId);
        assertInbox(district, caseId, "LEAD");
    }

    // ------------------------------------------------------------------ helpers

    /** The demo directory of 威海市, loaded once for the tests of this context (a second load is refused). */
    private void loadTheDemoDirectory() {
        synchronized (DispatchByLevelOverHttpTest.class) {
            if (!directoryLoaded) {
                TestAccounts.admin(context).post().uri("/api/v1/admin/units/demo-directory").exchange()
                        .expectStatus().isOk();
                directoryLoaded = true;
            }
        }
    }

    private static boolean directoryLoaded;


    private static long post(WebTestClient http, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec spec = http.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        JsonNode ack = read((body == null ? spec.exchange() : spec.bodyValue(body).exchange())
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        return ack.get("version").asLong();
    }

    private static void refused(WebTestClient http, String caseId, String action, Object body, int status,
                                String code) {
        http.post().uri("/api/v1/cases/{id}/" + action, caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    /** The case ids a search finds (the case list over the read model, newest first). */
    private static List<String> found(WebTestClient http, String query) {
        JsonNode page = read(http.get().uri("/api/v1/cases?" + query).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }

    private static JsonNode view(WebTestClient http, String caseId, long version) {
        return read(http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", caseId, version).exchange()
                .expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale")
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** The inbox of the handler's own unit: this case's role there, or no entry at all. */
    private static void assertInbox(WebTestClient http, String caseId, String... roles) {
        JsonNode inbox = read(http.get().uri("/api/v1/inbox").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        List<String> found = new ArrayList<>();
        inbox.get("items").forEach(item -> {
            if (caseId.equals(item.get("caseId").asText())) {
                found.add(item.get("role").asText());
            }
        });
        assertThat(found).containsExactly(roles);
    }

    /** Each level as "level:unit<accountableTo[:handling][:accountable]". */
    private static void assertLevels(JsonNode view, String... expected) {
        List<String> found = new ArrayList<>();
        view.get("levels").forEach(level -> found.add(level.get("level").asInt() + ":" + level.get("unit").asText()
                + "<" + level.get("accountableTo").asText() + (level.get("handling").asBoolean() ? ":handling" : "")
                + (level.get("accountable").asBoolean() ? ":accountable" : "")));
        assertThat(found).containsExactly(expected);
    }

    private static void assertDue(JsonNode clock, Deadline expected) {
        assertThat(Instant.parse(clock.get("due").asText())).isEqualTo(expected.due().truncatedTo(ChronoUnit.MILLIS));
        assertThat(Instant.parse(clock.get("warnAt").asText()))
                .isEqualTo(expected.warnAt().truncatedTo(ChronoUnit.MILLIS));
    }

    private static Instant startedAt(JsonNode clock) {
        return Instant.parse(clock.get("startedAt").asText());
    }

    private static Deadline deadline(JsonNode clock) {
        return new Deadline(DeadlineKind.valueOf(clock.get("kind").asText()), startedAt(clock),
                Instant.parse(clock.get("warnAt").asText()), Instant.parse(clock.get("due").asText()));
    }

    /** Whether the answer leaves the field out or null (null fields are not written). */
    private static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static List<String> steps(JsonNode view) {
        List<String> steps = new ArrayList<>();
        view.get("chain").forEach(entry -> steps.add(entry.get("step").asText()));
        return steps;
    }

    private List<String> events(String caseId) {
        return eventStore.readEvents(caseId).asStream().map(DomainEventMessage::getPayloadType)
                .map(Class::getSimpleName).toList();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static void eventually(java.util.function.BooleanSupplier condition) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
