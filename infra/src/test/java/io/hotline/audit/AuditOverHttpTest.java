package io.hotline.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import io.hotline.kernel.common.Role;
import io.hotline.testing.MutableClock;
import io.hotline.testing.TestAccounts;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' tools over HTTP on the embedded store, with real sign-in: a long case told as a history and
 * rebuilt as of several moments, the hash chain checked on an intact and on a tampered store, the exports, the
 * bulletin, the access trail, and who may use any of it.
 * <p>
 * The clock is pinned: every test starts at {@link #T0} (a Monday, 09:00 in Shanghai) and moves it by minutes,
 * so no deadline comes near and the deadline watch adds nothing to the stories told here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AuditOverHttpTest.PinnedClock.class)
class AuditOverHttpTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    static final Duration STEP = Duration.ofMinutes(10);
    static final String PHONE = "13800138000";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-audit").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class PinnedClock {
        @Bean
        @Primary
        MutableClock pinnedClock() {
            return new MutableClock(T0);
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    ObjectMapper json;

    private static LongCase longCase;

    @BeforeEach
    void backToMondayMorning() {
        clock.set(T0);
    }

    // ------------------------------------------------------------------ people

    private WebTestClient operator() {
        return person("au-op", "HOTLINE", Role.OPERATOR);
    }

    private WebTestClient coordinator() {
        return person("au-co", "HOTLINE", Role.COORDINATOR);
    }

    private WebTestClient supervisor() {
        return person("au-sv", "HOTLINE", Role.SUPERVISOR);
    }

    private WebTestClient auditor() {
        return person("au-auditor", "HOTLINE", Role.AUDITOR);
    }

    private WebTestClient handler(String user, String unit) {
        return person(user, unit, Role.UNIT_HANDLER);
    }

    /** B角 of the water bureau: stands in for au-water-zhou. */
    private WebTestClient waterStandIn() {
        return TestAccounts.client(context, "au-water-sun", "WATER", Set.of("au-water-zhou"), Role.UNIT_HANDLER)
                .mutate().defaultHeader("X-Standing-In-For", "au-water-zhou").build();
    }

    private WebTestClient person(String user, String unit, Role role) {
        return TestAccounts.client(context, user, unit, role).mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void theHistoryTellsALongCaseInOrderWithActorsStandInsAndSentences() throws Exception {
        LongCase story = longCase();
        JsonNode page = getJson(auditor(), "/api/v1/audit/cases/" + story.caseId + "/history?size=100");

        assertThat(page.get("caseNumber").asText()).isEqualTo(story.number);
        assertThat(page.get("total").asLong()).isEqualTo(LongCase.TYPES.size());
        JsonNode events = page.get("events");
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactlyElementsOf(LongCase.TYPES);
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequenceNumber").asLong()).isEqualTo(i);
            assertThat(event.get("hash").asText()).hasSize(64);
            assertThat(event.get("correlationId").asText()).isNotBlank();
            assertThat(event.get("at").asText()).isEqualTo(story.moments.get(i).toString());
            if (i > 0) {
                assertThat(event.get("prevHash").asText()).isEqualTo(events.get(i - 1).get("hash").asText());
                assertThat(event.get("position").asLong()).isGreaterThan(events.get(i - 1).get("position").asLong());
            }
        }
        assertThat(events.get(0).get("prevHash").asText()).isEmpty();

        JsonNode registered = events.get(0);
        assertThat(registered.get("userId").asText()).isEqualTo("au-op");
        assertThat(registered.get("unitId").asText()).isEqualTo("HOTLINE");
        assertThat(registered.get("sentence").get("zh").asText())
                .startsWith("话务员 au-op（HOTLINE）受理了诉求 " + story.number + "：路灯不亮");
        assertThat(registered.get("sentence").get("en").asText())
                .startsWith("Operator au-op (HOTLINE) registered case " + story.number + ": 路灯不亮");
        // The citizen is stored sealed under their own key (crypto-shredding): the history never shows the number.
        assertThat(registered.get("payload").toString()).doesNotContain("13800138000");
        assertThat(registered.get("payload").get("title").asText()).isEqualTo("路灯不亮");

        JsonNode signedByStandIn = events.get(6);
        assertThat(signedByStandIn.get("userId").asText()).isEqualTo("au-water-sun");
        assertThat(signedByStandIn.get("standingInFor").asText()).isEqualTo("au-water-zhou");
        assertThat(signedByStandIn.get("sentence").get("zh").asText())
                .startsWith("经办人 au-water-sun（WATER，代 au-water-zhou）代表 WATER 签收了诉求 " + story.number
                        + "（按时），办结时限 2026-12-");
        assertThat(signedByStandIn.get("sentence").get("en").asText())
                .startsWith("Unit handler au-water-sun (WATER, standing in for au-water-zhou) signed for case "
                        + story.number + " for WATER (on time)");
        assertThat(events.get(3).get("sentence").get("zh").asText())
                .startsWith("协调员 au-co（HOTLINE）协调确定 HOUSING 为诉求 " + story.number + " 的主办单位（原 URBAN-MGMT）");
        assertThat(events.get(5).get("sentence").get("zh").asText())
                .isEqualTo("经办人 au-housing（HOUSING）将诉求 " + story.number + " 由 HOUSING 转办至 WATER，理由：供水管网问题");
        assertThat(events.get(12).get("sentence").get("zh").asText())
                .isEqualTo("话务员 au-op（HOTLINE）通过电话回访诉求 " + story.number + "：不满意，问题未解决");
        assertThat(events.get(13).get("sentence").get("en").asText())
                .startsWith("Operator au-op (HOTLINE) reopened case " + story.number + " to WATER: 仍有漏水");
        // A note that quotes the citizen's number is printed without it; the payload keeps what was typed, which
        // is itself a finding for the auditor. The registration's citizen fields are masked.
        assertThat(events.get(14).get("sentence").get("zh").asText()).contains("已电话联系诉求人 ***，明日复查");
        assertThat(events.get(14).get("payload").get("note").asText()).contains(PHONE);
        events.forEach(event -> assertThat(event.get("sentence").toString()).doesNotContain(PHONE));
        assertThat(events.get(0).toString()).doesNotContain(PHONE);
        assertThat(page.toString()).doesNotContain("110101199003071234");

        JsonNode second = getJson(auditor(), "/api/v1/audit/cases/" + story.caseId + "/history?page=1&size=5");
        assertThat(second.get("totalPages").asLong()).isEqualTo((LongCase.TYPES.size() + 4) / 5);
        assertThat(second.get("events")).hasSize(5);
        assertThat(second.get("events").get(0).get("sequenceNumber").asLong()).isEqualTo(5);
        assertThat(second.get("events").get(4).get("type").asText()).isEqualTo(LongCase.TYPES.get(9));

        auditor().get().uri("/api/v1/audit/cases/no-such-case/history").exchange().expectStatus().isNotFound();
        auditor().get().uri("/api/v1/audit/cases/{id}/history?size=0", story.caseId).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void asOfRebuildsTheCaseAtSeveralMomentsIncludingAfterATransferAndAReopen() throws Exception {
        LongCase story = longCase();
        String base = "/api/v1/audit/cases/" + story.caseId + "/as-of";

        JsonNode dispatched = getJson(supervisor(), base + "?at=" + story.moments.get(1).plus(Duration.ofMinutes(5)));
        assertThat(dispatched.get("version").asLong()).isEqualTo(1);
        assertThat(dispatched.get("state").get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.get("state").get("leadUnit").asText()).isEqualTo("URBAN-MGMT");
        assertThat(dispatched.get("state").get("citizen").get("maskedPhone").asText()).isEqualTo("138****8000");

        JsonNode transferred = getJson(auditor(), base + "?at=" + story.moments.get(5));
        assertThat(transferred.get("version").asLong()).isEqualTo(5);
        assertThat(transferred.get("state").get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(transferred.get("state").get("leadUnit").asText()).isEqualTo("WATER");
        assertThat(transferred.get("state").get("accountableUnit").asText()).isEqualTo("HOUSING");
        assertThat(transferred.get("state").get("transferPendingTo").asText()).isEqualTo("WATER");
        assertThat(transferred.get("state").get("counters").get("transfers").asInt()).isEqualTo(1);

        JsonNode signed = getJson(auditor(), base + "?at=" + story.moments.get(6).plusSeconds(1));
        assertThat(signed.get("state").get("status").asText()).isEqualTo("IN_HANDLING");
        assertThat(signed.get("state").get("accountableUnit").asText()).isEqualTo("WATER");

        JsonNode dissatisfied = getJson(auditor(), base + "?at=" + story.moments.get(12));
        assertThat(dissatisfied.get("state").get("status").asText()).isEqualTo("REPLIED");
        assertThat(dissatisfied.get("state").get("lastFeedback").get("satisfaction").asText()).isEqualTo("DISSATISFIED");
        assertThat(dissatisfied.get("state").get("counters").get("reopens").asInt()).isZero();

        JsonNode reopened = getJson(auditor(), base + "?at=" + story.moments.get(13).plus(Duration.ofMinutes(9)));
        assertThat(reopened.get("version").asLong()).isEqualTo(13);
        assertThat(reopened.get("state").get("status").asText()).isEqualTo("IN_HANDLING");
        assertThat(reopened.get("state").get("counters").get("reopens").asInt()).isEqualTo(1);
        assertThat(reopened.get("state").get("completionDeadline").get("unit").asText()).isEqualTo("WATER");

        JsonNode closed = getJson(auditor(), base + "?at=" + story.moments.get(17).plus(Duration.ofDays(30)));
        assertThat(closed.get("version").asLong()).isEqualTo(17);
        assertThat(closed.get("state").get("status").asText()).isEqualTo("CLOSED");

        JsonNode byVersion = getJson(auditor(), base + "?version=5");
        assertThat(byVersion.get("state")).isEqualTo(transferred.get("state"));
        assertThat(byVersion.get("eventsApplied").asInt()).isEqualTo(6);

        // With an offset, as a Shanghai desk would write it.
        JsonNode local = json.readTree(auditor().get()
                .uri(builder -> builder.path(base).queryParam("at", "{at}").build("2026-11-23T09:00:00+08:00"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(local.get("version").asLong()).isZero();
        assertThat(local.get("state").get("status").asText()).isEqualTo("REGISTERED");
        assertThat(local.toString()).doesNotContain(PHONE);

        auditor().get().uri(base + "?at=" + T0.minusSeconds(1)).exchange().expectStatus().isNotFound();
        auditor().get().uri(base + "?version=99").exchange().expectStatus().isNotFound();
        auditor().get().uri(base).exchange().expectStatus().isBadRequest();
        auditor().get().uri(base + "?at=yesterday").exchange().expectStatus().isBadRequest();
    }

    @Test
    void theVerifierSeesAnIntactStoreAndNamesAnEventEditedInTheStore() throws Exception {
        longCase();
        String caseId = register("call-audit-tamper", "井盖缺失");
        post(operator(), caseId, "dispatch", Map.of("leadUnit", "ROADS"));
        post(handler("au-roads", "ROADS"), caseId, "sign", null);
        post(handler("au-roads", "ROADS"), caseId, "progress", Map.of("note", "已安排抢修"));

        JsonNode intact = getJson(auditor(), "/api/v1/audit/cases/" + caseId + "/verify");
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.has("firstBreak")).isFalse();
        JsonNode wholeLog = verifyWholeLog(auditor());
        assertThat(wholeLog.get("state").asText()).isEqualTo("INTACT");
        assertThat(wholeLog.get("positionsDone").asLong()).isEqualTo(wholeLog.get("positionsTotal").asLong())
                .isPositive();
        assertThat(wholeLog.get("startedBy").asText()).isEqualTo("au-auditor");

        MongoCollection<Document> log = mongo.getMongoDatabase().getCollection("events");
        Document commit = log.find(new Document("aggregateId", caseId).append("firstSeq", 3L)).first();
        assertThat(commit).isNotNull();
        Document progress = commit.getList("events", Document.class).get(0);
        String tamperedId = progress.getString("eventId");
        Object position = commit.get("_id");
        log.updateOne(new Document("_id", position),
                new Document("$set", new Document("events.0.payload.note", "当天已修复")));
        try {
            JsonNode broken = getJson(supervisor(), "/api/v1/audit/cases/" + caseId + "/verify");
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBreak").get("eventId").asText()).isEqualTo(tamperedId);
            assertThat(broken.get("firstBreak").get("sequenceNumber").asLong()).isEqualTo(3);
            assertThat(broken.get("firstBreak").get("position").asLong()).isEqualTo(((Number) position).longValue());
            assertThat(broken.get("firstBreak").get("reason").asText()).contains("changed");

            JsonNode job = verifyWholeLog(TestAccounts.admin(context));
            assertThat(job.get("state").asText()).isEqualTo("BROKEN");
            assertThat(job.get("firstBreak").get("caseId").asText()).isEqualTo(caseId);
            assertThat(job.get("firstBreak").get("eventId").asText()).isEqualTo(tamperedId);
            assertThat(job.get("startedBy").asText()).isEqualTo(TestAccounts.ADMIN);

            String html = getText(auditor(), "/api/v1/audit/cases/" + caseId + "/history/export.html");
            assertThat(html).contains("已被改动").contains(tamperedId);
        } finally {
            log.updateOne(new Document("_id", position),
                    new Document("$set", new Document("events.0.payload.note", "已安排抢修")));
        }
        assertThat(getJson(auditor(), "/api/v1/audit/cases/" + caseId + "/verify").get("intact").asBoolean()).isTrue();
        auditor().get().uri("/api/v1/audit/cases/no-such-case/verify").exchange().expectStatus().isNotFound();
    }

    /**
     * A commit deleted from the store, in the middle of a case or at its end, is a break naming the missing sequence
     * numbers: the case's own check sees it, not only the whole-log walk.
     */
    @Test
    void theVerifierNamesACommitDeletedInTheMiddleOrAtTheEnd() {
        String caseId = register("call-audit-gap", "路灯不亮");
        post(operator(), caseId, "dispatch", Map.of("leadUnit", "ROADS"));
        post(handler("au-roads", "ROADS"), caseId, "sign", null);
        post(handler("au-roads", "ROADS"), caseId, "progress", Map.of("note", "已派人查看"));
        long last = post(handler("au-roads", "ROADS"), caseId, "progress", Map.of("note", "已更换灯泡"));
        awaitView(caseId, last);
        MongoCollection<Document> log = mongo.getMongoDatabase().getCollection("events");
        String verify = "/api/v1/audit/cases/" + caseId + "/verify";

        for (long missing : List.of(last - 1, last)) {
            Document commit = log.find(new Document("aggregateId", caseId).append("firstSeq", missing)).first();
            assertThat(commit).isNotNull();
            log.deleteOne(new Document("_id", commit.get("_id")));
            try {
                JsonNode broken = getJson(auditor(), verify);
                assertThat(broken.get("intact").asBoolean()).as("without sequence %d", missing).isFalse();
                assertThat(broken.get("firstBreak").get("sequenceNumber").asLong()).isEqualTo(missing);
                assertThat(broken.get("firstBreak").get("reason").asText())
                        .contains("sequence number " + missing + " is missing");
            } finally {
                log.insertOne(commit);
            }
        }
        assertThat(getJson(auditor(), verify).get("intact").asBoolean()).isTrue();
    }

    @Test
    void exportsCarryTheWholeTimelineAndEscapeWhatCitizensTyped() throws Exception {
        String caseId = register("call-audit-export", "<script>alert('x')</script>路灯不亮");
        post(operator(), caseId, "dispatch", Map.of("leadUnit", "URBAN-MGMT"));
        post(handler("au-urban", "URBAN-MGMT"), caseId, "sign", null);

        var jsonExport = auditor().get().uri("/api/v1/audit/cases/{id}/history/export.json", caseId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-.*-history.json\"")
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode exported = json.readTree(jsonExport);
        assertThat(exported.get("caseId").asText()).isEqualTo(caseId);
        assertThat(exported.get("events")).hasSize(3);
        assertThat(exported.get("chain").get("intact").asBoolean()).isTrue();
        assertThat(exported.get("state").get("state").get("status").asText()).isEqualTo("IN_HANDLING");
        assertThat(exported.get("generatedBy").get("userId").asText()).isEqualTo("au-auditor");
        assertThat(exported.get("zone").asText()).isEqualTo("Asia/Shanghai");
        String number = exported.get("caseNumber").asText();
        assertThat(jsonExport).doesNotContain(PHONE);

        var htmlExport = supervisor().get().uri("/api/v1/audit/cases/{id}/history/export.html", caseId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueMatches("Content-Security-Policy", "default-src 'none'.*")
                .expectBody(String.class).returnResult();
        String html = htmlExport.getResponseBody();
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains(number)
                .contains("<table>").contains("办理时间线")
                .contains("话务员 au-op（HOTLINE）受理了诉求 " + number)
                .contains("将诉求 " + number + " 派单至 URBAN-MGMT（主办）")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;路灯不亮")
                .doesNotContain("<script")
                .contains("2026-11-23 09:00:00").contains("Asia/Shanghai")
                .contains("完整").contains("生成人：au-sv（HOTLINE）")
                .contains("@media print").contains("@page")
                .doesNotContain("http://").doesNotContain("https://")
                .doesNotContain(PHONE);

        auditor().get().uri("/api/v1/audit/cases/no-such-case/history/export.html").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theBulletinRanksUnitsAndNamesThoseBelowTheFloorsAsCsvAndHtml() throws Exception {
        String good = register("call-audit-bulletin-1", "噪音扰民");
        post(operator(), good, "dispatch", Map.of("leadUnit", "BUL-GOOD"));
        post(handler("au-bul-good", "BUL-GOOD"), good, "sign", null);
        post(handler("au-bul-good", "BUL-GOOD"), good, "reply", Map.of("result", "SOLVED", "text", "已处理"));
        post(operator(), good, "feedback", Map.of("channel", "SMS", "satisfaction", "SATISFIED", "solved", true));
        String poor = register("call-audit-bulletin-2", "占道经营");
        post(operator(), poor, "dispatch", Map.of("leadUnit", "BUL-POOR"));
        post(handler("au-bul-poor", "BUL-POOR"), poor, "sign", null);
        post(handler("au-bul-poor", "BUL-POOR"), poor, "material-requests", Map.of("items", List.of("照片")));
        post(handler("au-bul-poor", "BUL-POOR"), poor, "material-requests", Map.of("items", List.of("位置")));
        post(handler("au-bul-poor", "BUL-POOR"), poor, "reply", Map.of("result", "EXPLAINED", "text", "已解释"));
        long last = post(operator(), poor, "feedback", Map.of("channel", "PHONE", "satisfaction", "DISSATISFIED",
                "solved", false));
        awaitView(poor, last);

        // The bulletin prints the figures, whose projection follows the log on its own: wait until both
        // call-backs are counted there.
        Map<String, String[]> rows = eventually(() -> {
            Map<String, String[]> found = bulletinRows();
            boolean counted = found.containsKey("BUL-GOOD") && found.containsKey("BUL-POOR")
                    && !found.get("BUL-GOOD")[6].isEmpty() && !found.get("BUL-POOR")[6].isEmpty();
            return counted ? found : null;
        });
        assertThat(rows.get("BUL-GOOD")).containsExactly(rows.get("BUL-GOOD")[0], "BUL-GOOD", "1", "100.0", "100.0",
                "0", "100.0", "100.0", "0.0", "0", "100.0", "", "OTHER");
        assertThat(rows.get("BUL-POOR")).containsExactly(rows.get("BUL-POOR")[0], "BUL-POOR", "1", "100.0", "100.0",
                "0", "0.0", "0.0", "0.0", "1", "30.0", "satisfaction", "OTHER");
        assertThat(Integer.parseInt(rows.get("BUL-GOOD")[0])).isLessThan(Integer.parseInt(rows.get("BUL-POOR")[0]));

        String html = getText(supervisor(), "/api/v1/audit/bulletins/units.html?from=2026-11-23&to=2026-11-23");
        assertThat(html).contains("承办单位定期通报（2026-11-23 至 2026-11-23）")
                .contains("<td>BUL-GOOD</td>").contains("<td>BUL-POOR</td>")
                .contains("满意率低于 85% 的单位：").contains("生成人：au-sv（HOTLINE）");

        auditor().get().uri("/api/v1/audit/bulletins/units.csv?from=2026-11-24&to=2026-11-23").exchange()
                .expectStatus().isBadRequest();
        auditor().get().uri("/api/v1/audit/bulletins/units.csv").exchange().expectStatus().isBadRequest();
    }

    @Test
    void theAccessTrailListsRevealsExportsAndRefusals() throws Exception {
        String caseId = register("call-audit-trail", "供暖不热");
        auditor().post().uri("/api/v1/cases/{id}/personal-data/reveal", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "核查投诉人身份"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.phone").isEqualTo(PHONE);
        auditor().get().uri("/api/v1/audit/cases/{id}/history/export.json", caseId).exchange().expectStatus().isOk();
        supervisor().get().uri("/api/v1/audit/bulletins/units.html?from=2026-11-01&to=2026-11-30").exchange()
                .expectStatus().isOk();

        JsonNode trail = eventually(() -> {
            JsonNode found = getJson(auditor(), "/api/v1/audit/access-trail?caseId=" + caseId);
            return found.get("total").asLong() >= 2 ? found : null;
        });
        List<String> kinds = new ArrayList<>();
        trail.get("items").forEach(item -> kinds.add(item.get("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("PERSONAL_DATA_REVEALED", "EXPORT");
        JsonNode reveal = find(trail, "PERSONAL_DATA_REVEALED");
        assertThat(reveal.get("userId").asText()).isEqualTo("au-auditor");
        assertThat(reveal.get("reason").asText()).isEqualTo("核查投诉人身份");
        assertThat(reveal.get("subject").asText()).isEqualTo("personal-data");
        JsonNode export = find(trail, "EXPORT");
        assertThat(export.get("format").asText()).isEqualTo("json");
        assertThat(export.get("subject").asText()).isEqualTo("case-history");
        assertThat(export.get("caseNumber").asText()).matches("\\d{8}-\\d{6}");
        assertThat(trail.toString()).doesNotContain(PHONE);

        JsonNode bySupervisor = getJson(auditor(), "/api/v1/audit/access-trail?user=au-sv&from=2026-11-23&to=2026-11-23");
        assertThat(bySupervisor.get("items")).isNotEmpty();
        bySupervisor.get("items").forEach(item -> assertThat(item.get("userId").asText()).isEqualTo("au-sv"));
        JsonNode bulletinExport = null;
        for (JsonNode item : bySupervisor.get("items")) {
            if ("unit-bulletin".equals(item.get("subject").asText()) && "2026-11-01".equals(item.get("periodFrom").asText())) {
                bulletinExport = item;
            }
        }
        assertThat(bulletinExport).as("the supervisor's bulletin export").isNotNull();
        assertThat(bulletinExport.get("subject").asText()).isEqualTo("unit-bulletin");
        assertThat(bulletinExport.get("periodFrom").asText()).isEqualTo("2026-11-01");
        assertThat(bulletinExport.get("periodTo").asText()).isEqualTo("2026-11-30");
        assertThat(bulletinExport.get("format").asText()).isEqualTo("html");

        handler("au-nosy", "WATER").get().uri("/api/v1/audit/cases/{id}/history", caseId).exchange()
                .expectStatus().isForbidden();
        JsonNode denials = getJson(supervisor(), "/api/v1/audit/access-denials?user=au-nosy&status=403");
        assertThat(denials.get("total").asLong()).isPositive();
        assertThat(denials.get("items").get(0).get("path").asText()).isEqualTo("/api/v1/audit/cases/" + caseId + "/history");
        assertThat(denials.get("items").get(0).get("method").asText()).isEqualTo("GET");

        auditor().get().uri("/api/v1/audit/access-trail?from=soon").exchange().expectStatus().isBadRequest();
        auditor().get().uri("/api/v1/audit/access-denials?status=200").exchange().expectStatus().isBadRequest();
    }

    @Test
    void onlyAuditorsAndSupervisorsReachTheAuditTools() {
        String caseId = register("call-audit-roles", "路面塌陷");
        List<String> paths = List.of("/api/v1/audit/cases/" + caseId + "/history",
                "/api/v1/audit/cases/" + caseId + "/as-of?version=0",
                "/api/v1/audit/cases/" + caseId + "/verify",
                "/api/v1/audit/cases/" + caseId + "/history/export.json",
                "/api/v1/audit/cases/" + caseId + "/history/export.html",
                "/api/v1/audit/bulletins/units.csv?from=2026-11-23&to=2026-11-23",
                "/api/v1/audit/bulletins/units.html?from=2026-11-23&to=2026-11-23",
                "/api/v1/audit/access-trail",
                "/api/v1/audit/access-denials",
                "/api/v1/audit/verify");
        WebTestClient unitHandler = handler("au-urban", "URBAN-MGMT");
        WebTestClient operator = operator();
        WebTestClient coordinator = coordinator();
        for (String path : paths) {
            unitHandler.get().uri(path).exchange().expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            operator.get().uri(path).exchange().expectStatus().isForbidden();
            coordinator.get().uri(path).exchange().expectStatus().isForbidden();
            TestAccounts.anonymous(context).get().uri(path).exchange().expectStatus().isUnauthorized();
        }
        unitHandler.post().uri("/api/v1/audit/verify").exchange().expectStatus().isForbidden();
        auditor().delete().uri("/api/v1/audit/cases/{id}/history", caseId).exchange().expectStatus().isForbidden();

        supervisor().get().uri("/api/v1/audit/cases/{id}/history", caseId).exchange().expectStatus().isOk();
        auditor().get().uri("/api/v1/audit/cases/{id}/verify", caseId).exchange().expectStatus().isOk();
        WebTestClient admin = TestAccounts.admin(context);
        admin.get().uri("/api/v1/audit/cases/{id}/history", caseId).exchange().expectStatus().isForbidden();
        admin.post().uri("/api/v1/audit/verify").exchange().expectStatus().isAccepted();
        admin.get().uri("/api/v1/audit/verify").exchange().expectStatus().isOk();
    }

    // ------------------------------------------------------------------ the long case

    /** A case through objection, designation, transfer, stand-in, supervision, extension, reopen and close. */
    static final class LongCase {
        static final List<String> TYPES = List.of("CaseRegistered", "CaseDispatched", "JurisdictionObjected",
                "LeadUnitDesignated", "CaseSignedFor", "CaseTransferred", "CaseSignedFor", "SupervisionStarted",
                "MaterialsRequested", "ExtensionRequested", "ExtensionApproved", "CaseReplied", "FeedbackRecorded",
                "CaseReopened", "ProgressRecorded", "CaseReplied", "FeedbackRecorded", "CaseClosed");

        String caseId;
        String number;
        /** The time of each event, by sequence number. */
        final List<Instant> moments = new ArrayList<>();
    }

    private synchronized LongCase longCase() {
        if (longCase != null) {
            return longCase;
        }
        LongCase story = new LongCase();
        story.caseId = register("call-audit-long", "路灯不亮");
        story.moments.add(T0);
        story.number = caseNumber(story.caseId);
        WebTestClient water = handler("au-water-zhou", "WATER");
        step(story, operator(), "dispatch", Map.of("leadUnit", "URBAN-MGMT", "assistingUnits", List.of()));
        step(story, handler("au-urban", "URBAN-MGMT"), "objections", Map.of("reason", "不属于本单位职责"));
        step(story, coordinator(), "lead-designation",
                Map.of("leadUnit", "HOUSING", "assistingUnits", List.of("URBAN-MGMT"), "reason", "住建牵头"));
        step(story, handler("au-housing", "HOUSING"), "sign", null);
        step(story, handler("au-housing", "HOUSING"), "transfer", Map.of("toUnit", "WATER", "reason", "供水管网问题"));
        step(story, waterStandIn(), "sign", null);
        step(story, supervisor(), "supervision", Map.of("note", "挂牌督办"));
        step(story, water, "material-requests", Map.of("items", List.of("现场照片", "具体位置")));
        step(story, water, "extensions", Map.of("extraWorkingDays", 3, "reason", "需停水施工"));
        step(story, coordinator(), "extensions/approval", null);
        step(story, water, "reply", Map.of("result", "SOLVED", "text", "管道已修复"));
        step(story, operator(), "feedback", Map.of("channel", "PHONE", "satisfaction", "DISSATISFIED", "solved", false));
        step(story, operator(), "reopen", Map.of("reason", "仍有漏水"));
        step(story, waterStandIn(), "progress", Map.of("note", "已电话联系诉求人 " + PHONE + "，明日复查"));
        step(story, water, "reply", Map.of("result", "SOLVED", "text", "已彻底修复"));
        step(story, operator(), "feedback", Map.of("channel", "SMS", "satisfaction", "SATISFIED", "solved", true));
        step(story, operator(), "close", null);
        longCase = story;
        return story;
    }

    private void step(LongCase story, WebTestClient who, String action, Object body) {
        clock.advance(STEP);
        long version = post(who, story.caseId, action, body);
        assertThat(version).isEqualTo(story.moments.size());
        story.moments.add(clock.instant());
    }

    // ------------------------------------------------------------------ helpers

    private String register(String requestId, String title) {
        Map<?, ?> receipt = operator().post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestId", requestId, "channel", "HOTLINE", "category", "COMPLAINT",
                        "urgency", "NORMAL", "title", title, "content", "小区门口的问题，请尽快处理",
                        "citizen", Map.of("name", "张三", "phone", PHONE, "idNumber", "110101199003071234"),
                        "area", "370602"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) receipt.get("caseId");
    }

    private String caseNumber(String caseId) {
        return getJson(auditor(), "/api/v1/audit/cases/" + caseId + "/history?size=1").get("caseNumber").asText();
    }

    private long post(WebTestClient who, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec request = who.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        Map<?, ?> ack = (body == null ? request.exchange() : request.bodyValue(body).exchange())
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ack.get("version")).longValue();
    }

    /** The bulletin of T0's day as CSV, by unit; checks the file's headers and the BOM Excel needs. */
    private Map<String, String[]> bulletinRows() {
        byte[] csv = auditor().get().uri("/api/v1/audit/bulletins/units.csv?from=2026-11-23&to=2026-11-23").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bulletin-units-2026-11-23-2026-11-23.csv\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("排名 Rank,单位 Unit,诉求件数 Cases,按时签收率");
        Map<String, String[]> rows = new HashMap<>();
        lines.stream().skip(1).map(line -> line.split(",", -1)).forEach(cells -> rows.put(cells[1], cells));
        return rows;
    }

    private void awaitView(String caseId, long version) {
        supervisor().get().uri("/api/v1/cases/{id}?atLeastVersion={v}", caseId, version).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-View-Stale");
    }

    private JsonNode getJson(WebTestClient who, String uri) {
        String body = getText(who, uri);
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String getText(WebTestClient who, String uri) {
        return who.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** Starts the whole-log verification and waits for its verdict. */
    private JsonNode verifyWholeLog(WebTestClient who) throws Exception {
        JsonNode start = json.readTree(who.post().uri("/api/v1/audit/verify").exchange()
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
        if (!start.get("started").asBoolean()) {
            // Another run is still going (an earlier test started one): let it finish, then start ours.
            eventually(() -> getJson(who, "/api/v1/audit/verify").get("state").asText().equals("RUNNING") ? null : "");
            return verifyWholeLog(who);
        }
        String runId = start.get("run").get("runId").asText();
        return eventually(() -> {
            JsonNode status = getJson(who, "/api/v1/audit/verify");
            return status.get("runId").asText().equals(runId) && !status.get("state").asText().equals("RUNNING")
                    ? status : null;
        });
    }

    private static JsonNode find(JsonNode listing, String kind) {
        for (JsonNode item : listing.get("items")) {
            if (item.get("kind").asText().equals(kind)) {
                return item;
            }
        }
        throw new AssertionError("no " + kind + " in " + listing);
    }

    private static <T> T eventually(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
