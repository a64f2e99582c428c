package io.hotline.units;

import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.intake.IntakeRoundTrip;
import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoping by subtree over HTTP, the same rule on the command side and the read side: a supervisor of 环翠区 reads,
 * searches and urges the cases of its district and its streets, and a case of 文登区 answers it exactly as a missing
 * one; the district sends a case down only within its subtree. The hotline's own supervisor sees both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubtreeScopeOverHttpTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-subtree").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void aDistrictsStaffSeeAndActOnTheirSubtreeOnly() {
        TestAccounts.admin(context).post().uri("/api/v1/admin/units/demo-directory").exchange()
                .expectStatus().isOk();
        WebTestClient operator = TestAccounts.client(context, "ss-operator", "HOTLINE", Role.OPERATOR);
        WebTestClient huancui = TestAccounts.client(context, "ss-hc", "HUANCUI", Role.UNIT_HANDLER);
        WebTestClient wendeng = TestAccounts.client(context, "ss-wd", "WENDENG", Role.UNIT_HANDLER);
        WebTestClient huancuiSupervisor = TestAccounts.client(context, "ss-hc-du", "HUANCUI", Role.SUPERVISOR);
        WebTestClient citySupervisor = TestAccounts.client(context, "ss-du", "HOTLINE", Role.SUPERVISOR);

        String ours = (String) IntakeRoundTrip.registerAndReadBack(operator, "call-subtree-1").get("caseId");
        String theirs = (String) IntakeRoundTrip.registerAndReadBack(operator, "call-subtree-2").get("caseId");
        post(operator, ours, "dispatch", Map.of("leadUnit", "HUANCUI"), 200);
        post(operator, theirs, "dispatch", Map.of("leadUnit", "WENDENG"), 200);
        post(huancui, ours, "sign", null, 200);
        post(wendeng, theirs, "sign", null, 200);

        // down only within the subtree; the refusal names the rule and changes nothing
        JsonNode refused = post(huancui, ours, "dispatch-down", Map.of("toUnit", "WD-LONGSHAN"), 400);
        assertThat(refused.get("code").asText()).isEqualTo("OUTSIDE_SUBTREE");
        post(huancui, ours, "dispatch-down", Map.of("toUnit", "NO-SUCH-UNIT"), 400);
        long version = post(huancui, ours, "dispatch-down", Map.of("toUnit", "HC-JINGYUAN", "instructions", "请核实"),
                200).get("version").asLong();

        // reading: the district's supervisor sees its case (down at its street), not the other district's
        huancuiSupervisor.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", ours, version).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.leadUnit").isEqualTo("HC-JINGYUAN");
        huancuiSupervisor.get().uri("/api/v1/cases/{id}", theirs).exchange().expectStatus().isNotFound();
        citySupervisor.get().uri("/api/v1/cases/{id}", theirs).exchange().expectStatus().isOk();
        List<String> found = ids(huancuiSupervisor.get().uri("/api/v1/cases?size=50").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody());
        assertThat(found).contains(ours).doesNotContain(theirs);
        assertThat(ids(citySupervisor.get().uri("/api/v1/cases?size=50").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody())).contains(ours, theirs);

        // acting: urging its own subtree's case, and the other district's case is missing, not forbidden
        post(huancuiSupervisor, ours, "urging", Map.of("note", "请加快"), 200);
        post(huancuiSupervisor, theirs, "urging", Map.of("note", "请加快"), 404);
        post(citySupervisor, theirs, "urging", Map.of("note", "请加快"), 200);

        // the inbox of a street of the district is open to the district's supervisor; another district's is not
        huancuiSupervisor.get().uri("/api/v1/inbox?unit=HC-JINGYUAN").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.unit").isEqualTo("HC-JINGYUAN");
        huancuiSupervisor.get().uri("/api/v1/inbox?unit=WD-LONGSHAN").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.unit").isEqualTo("HUANCUI");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }

    private static JsonNode post(WebTestClient who, String caseId, String action, Object body, int status) {
        WebTestClient.RequestBodySpec spec = who.post().uri("/api/v1/cases/{id}/" + action, caseId);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }
}
