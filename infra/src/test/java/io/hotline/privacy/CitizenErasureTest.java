package io.hotline.privacy;

import io.hotline.query.audit.log.EventLog;
import io.hotline.intake.IntakeRoundTrip;
import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 删除个人信息 end to end: a citizen with two cases is erased by phone; the log's stored bytes and hash chains
 * stay as they were, the cases still load and take commands, the views forget the person at once and again after
 * every projection is rebuilt from the log, while another citizen stays intact.
 */
class CitizenErasureTest extends WholeApp {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    EventLog eventLog;

    private WebTestClient operator() {
        return TestAccounts.client(context, "op-er", "HOTLINE", Role.OPERATOR);
    }

    private WebTestClient handler() {
        return TestAccounts.client(context, "water-er", "WATER-ER", Role.UNIT_HANDLER);
    }

    private WebTestClient admin() {
        return TestAccounts.admin(context).mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    private String register(String requestId, String name, String phone, String idNumber) {
        String citizen = "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\""
                + (idNumber == null ? "" : ",\"idNumber\":\"" + idNumber + "\"") + "}";
        Map<String, Object> receipt = operator().post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"requestId":"%s","channel":"HOTLINE","category":"COMPLAINT","title":"水管漏水",
                         "content":"楼下水管漏水","citizen":%s,"area":"370602"}""".formatted(requestId, citizen))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        return (String) receipt.get("caseId");
    }

    private long post(WebTestClient http, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        Map<String, Object> answer = (body == null ? request.exchange() : request.bodyValue(body).exchange())
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        return ((Number) answer.get("version")).longValue();
    }

    private Map<String, Object> view(WebTestClient http, String caseId, long atLeast) {
        return http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", caseId, atLeast).exchange()
                .expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale")
                .expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> citizenIn(Map<String, Object> view) {
        return (Map<String, Object>) view.get("citizen");
    }

    private Map<String, Object> erase(String body, int status) {
        return admin().post().uri("/api/v1/admin/privacy/erasures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(JSON).returnResult().getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anErasedCitizenVanishesFromViewsAndRebuildsWhileTheLogAndItsFiguresStay() {
        String first = register("er-1", "张三", "13811112222", "110101199003071234");
        String second = register("er-2", "张三", "+86-138-1111-2222", null);
        String other = register("er-3", "李四", "13900139000", null);
        post(operator(), first, "dispatch", Map.of("leadUnit", "WATER-ER"));
        long signed = post(handler(), first, "sign", null);

        Map<String, Object> before = view(operator(), first, signed);
        assertThat(citizenIn(before)).containsEntry("name", "张*").containsEntry("maskedPhone", "138****2222");
        assertThat(everything("events")).as("the log holds no personal data in the clear")
                .doesNotContain("13811112222").doesNotContain("110101199003071234").doesNotContain("张三")
                .doesNotContain("13900139000").doesNotContain("李四");
        Map<String, Object> revealedBefore = operator().post().uri("/api/v1/cases/{id}/personal-data/reveal", first)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "回访"))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(revealedBefore).containsEntry("name", "张三").containsEntry("phone", "13811112222")
                .containsEntry("idNumber", "110101199003071234");
        long revealedAt = signed + 1;
        List<String> storedBefore = storedCommits(first);
        long eventsBefore = eventCommits();

        handler().post().uri("/api/v1/admin/privacy/erasures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\":\"13811112222\"}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        Map<String, Object> erasure = erase("{\"phone\":\"13811112222\",\"reference\":\"PIPL-2026/001\"}", 201);
        assertThat((List<String>) erasure.get("cases")).containsExactlyInAnyOrder(first, second);
        assertThat(erasure).containsEntry("requestedBy", "admin").containsEntry("by", "PHONE")
                .containsEntry("reference", "PIPL-2026/001");
        assertThat((String) erasure.get("keyId")).startsWith("ck-");
        assertThat(erasure.toString()).doesNotContain("13811112222");

        // the log: the old bytes are untouched, each case gained one event saying it was erased, chains hold
        List<String> storedAfter = storedCommits(first);
        assertThat(storedAfter.subList(0, storedBefore.size())).isEqualTo(storedBefore);
        assertThat(storedAfter).hasSize(storedBefore.size() + 1);
        assertThat(eventCommits()).isEqualTo(eventsBefore + 2);
        assertThat(eventLog.verifyCase(first)).isEmpty();
        assertThat(eventLog.verifyCase(second)).isEmpty();
        assertThat(eventLog.verifyCase(other)).isEmpty();

        // the views forget the person at once; the case's figures are what they were
        Map<String, Object> after = view(operator(), first, revealedAt + 1);
        assertThat(citizenIn(after)).containsEntry("name", "[已删除]").doesNotContainKeys("maskedPhone",
                "maskedIdNumber");
        assertThat(after).containsEntry("status", before.get("status"))
                .containsEntry("leadUnit", before.get("leadUnit"))
                .containsEntry("registeredAt", before.get("registeredAt"))
                .containsEntry("signForDeadline", before.get("signForDeadline"))
                .containsEntry("completionDeadline", before.get("completionDeadline"))
                .containsEntry("chain", before.get("chain"))
                .containsEntry("counters", before.get("counters"));

        // the case goes on: it loads, takes commands, and has nobody left to reveal
        Map<String, Object> revealed = operator().post().uri("/api/v1/cases/{id}/personal-data/reveal", first)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "回访"))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(revealed).containsEntry("name", "[已删除]").doesNotContainKeys("phone", "idNumber");
        long progressed = post(handler(), first, "progress", Map.of("note", "已处理"));
        assertThat(citizenIn(view(operator(), second, 1))).containsEntry("name", "[已删除]");
        assertThat(operator().get().uri("/api/v1/cases?phone=13811112222").exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody()).containsEntry("total", 0);

        // replaying every projection from the log gives the same: no trace of the erased, the other intact
        rebuildCaseViews();
        assertThat(citizenIn(view(operator(), first, progressed))).containsEntry("name", "[已删除]")
                .doesNotContainKey("maskedPhone");
        assertThat(citizenIn(view(operator(), second, 1))).containsEntry("name", "[已删除]");
        assertThat(citizenIn(view(operator(), other, 0))).containsEntry("name", "李*")
                .containsEntry("maskedPhone", "139****9000");
        assertThat(view(operator(), first, progressed)).containsEntry("status", "IN_HANDLING");

        // erasing again finishes nothing new and adds nothing to the log
        Map<String, Object> again = erase("{\"phone\":\"138-1111-2222\"}", 201);
        assertThat((List<String>) again.get("cases")).containsExactlyInAnyOrder(first, second);
        assertThat(storedCommits(first)).hasSize(storedAfter.size() + 2); // + the second reveal and the progress note

        // the record says who and when, never whose
        List<Map<String, Object>> records = admin().get().uri("/api/v1/admin/privacy/erasures").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        assertThat(records).extracting(record -> record.get("erasureId"))
                .contains(erasure.get("erasureId"), again.get("erasureId"));
        assertThat(records.toString()).doesNotContain("13811112222").doesNotContain("张");
        assertThat(everything("citizen_erasures")).doesNotContain("13811112222").doesNotContain("张");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCitizenIsErasedByOneOfTheirCases() {
        String caseId = (String) IntakeRoundTrip.registerAndReadBack(operator(), "er-case-1").get("caseId");
        String unrelated = register("er-case-2", "王五", "13700137000", null);

        Map<String, Object> erasure = erase("{\"caseId\":\"" + caseId + "\"}", 201);

        assertThat((List<String>) erasure.get("cases")).contains(caseId).doesNotContain(unrelated);
        assertThat(erasure).containsEntry("by", "CASE").containsEntry("caseId", caseId);
        assertThat(citizenIn(view(operator(), caseId, 1))).containsEntry("name", "[已删除]");
        assertThat(citizenIn(view(operator(), unrelated, 0))).containsEntry("name", "王*");
    }

    @Test
    void aBadOrEmptyErasureIsAProblem() {
        for (String body : List.of("{}", "{\"phone\":\"13811112222\",\"caseId\":\"x\"}", "{\"phone\":\"call me\"}",
                "{\"caseId\":\"../x\"}", "{\"phone\":{\"$gt\":\"\"}}", "{\"phone\":\"13811112222\",\"who\":1}")) {
            admin().post().uri("/api/v1/admin/privacy/erasures").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        admin().post().uri("/api/v1/admin/privacy/erasures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\":\"13000000001\"}").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NO_PERSONAL_DATA");
        admin().post().uri("/api/v1/admin/privacy/erasures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"caseId\":\"no-such-case\"}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("CASE_NOT_FOUND");
    }

    @SuppressWarnings("unchecked")
    private void rebuildCaseViews() {
        admin().post().uri("/api/v1/admin/rebuild/case-view").exchange().expectStatus().isAccepted();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Map<String, Object> progress = admin().get().uri("/api/v1/admin/rebuild/case-view").exchange()
                    .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
            if ("SWITCHED".equals(progress.get("state"))) {
                return;
            }
            assertThat(System.nanoTime()).as("the rebuild finishes").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
