package io.hotline.units;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 单位目录 over HTTP: the administrator loads the demo directory of 威海市 and everyone signed in reads units by name,
 * a subtree by its top, a renamed unit with its earlier name; a bad file is refused as a whole with every error
 * listed and nothing stored; a non-administrator changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnitDirectoryOverHttpTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-units").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void theDemoDirectoryIsReadByNameAndKeepsItsHistory() {
        WebTestClient admin = TestAccounts.admin(context);
        admin.post().uri("/api/v1/admin/units/demo-directory").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.imported").isEqualTo(46).jsonPath("$.demo").isEqualTo(true);
        WebTestClient operator = TestAccounts.client(context, "ud-operator", "HOTLINE", Role.OPERATOR);

        JsonNode huancui = eventually(() -> read(operator, "/api/v1/units/HUANCUI"));
        assertThat(huancui.get("shortName").asText()).isEqualTo("环翠区");
        assertThat(huancui.get("kindLabel").asText()).isEqualTo("区县");
        assertThat(huancui.get("demo").asBoolean()).isTrue();
        JsonNode jingyuan = eventually(() -> read(operator, "/api/v1/units/HC-JINGYUAN"));
        assertThat(jingyuan.get("path")).extracting(JsonNode::asText).containsExactly("HUANCUI", "HC-JINGYUAN");

        List<String> underHuancui = codes(read(operator, "/api/v1/units?under=HUANCUI"));
        assertThat(underHuancui).contains("HC-JINGYUAN", "HC-ZHUDAO", "HC-HOUSING").doesNotContain("HUANCUI", "WD-LONGSHAN");
        assertThat(codes(read(operator, "/api/v1/units?q=鲸园"))).containsExactly("HC-JINGYUAN");

        admin.post().uri("/api/v1/admin/units/HC-JINGYUAN/rename").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("fullName", "环翠区鲸园街道（新）", "shortName", "鲸园新街道"))
                .exchange().expectStatus().isOk();
        JsonNode renamed = eventually(() -> {
            JsonNode unit = read(operator, "/api/v1/units/HC-JINGYUAN");
            return unit.get("names").size() == 2 ? unit : null;
        });
        assertThat(renamed.get("shortName").asText()).isEqualTo("鲸园新街道");
        assertThat(renamed.get("names").get(0).get("shortName").asText()).isEqualTo("鲸园街道");

        admin.post().uri("/api/v1/admin/units/WD-MISHAN/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("parent", "HUANCUI")).exchange().expectStatus().isOk();
        eventually(() -> codes(read(operator, "/api/v1/units?under=HUANCUI")).contains("WD-MISHAN") ? true : null);
    }

    @Test
    void aBadFileIsRefusedAsAWholeWithEveryErrorListed() {
        WebTestClient admin = TestAccounts.admin(context);
        String csv = "\uFEFFcode,fullName,shortName,kind,parent,areaCodes,contact,inServiceFrom\n"
                + "CITY-X,某市某局,某局,CITY_DEPARTMENT,,371000,,2020-01-01\n"
                + "X-STREET,某街道,某街道,STREET,NO-SUCH-DISTRICT,37100,,2020-01-01\n"
                + "CITY-X,重复,重复,CITY_DEPARTMENT,,,,2020-01-01\n";
        JsonNode refused = admin.post().uri("/api/v1/admin/units/import").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> errors = new ArrayList<>();
        refused.get("errors").forEach(error -> errors.add(error.get("row").asInt() + ":" + error.get("field").asText()
                + ":" + error.get("rule").asText()));
        assertThat(errors).containsExactlyInAnyOrder("2:parent:PARENT_UNKNOWN", "2:areaCodes:AREA_CODE_FORMAT",
                "3:code:CODE_TAKEN");

        TestAccounts.client(context, "ud-operator-2", "HOTLINE", Role.OPERATOR).get().uri("/api/v1/units/CITY-X")
                .exchange().expectStatus().isNotFound();
        TestAccounts.client(context, "ud-operator-3", "HOTLINE", Role.OPERATOR).post().uri("/api/v1/admin/units")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", "CITY-Y")).exchange()
                .expectStatus().isForbidden();
    }

    private static JsonNode read(WebTestClient who, String uri) {
        return who.get().uri(uri).exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> codes(JsonNode units) {
        List<String> codes = new ArrayList<>();
        units.forEach(unit -> codes.add(unit.get("code").asText()));
        return codes;
    }

    private static <T> T eventually(Supplier<T> probe) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            T found;
            try {
                found = probe.get();
            } catch (RuntimeException | AssertionError e) {
                found = null;
            }
            if (found != null && !(found instanceof JsonNode node && (node.isMissingNode() || node.has("status")))) {
                return found;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("not seen within 30 s");
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
