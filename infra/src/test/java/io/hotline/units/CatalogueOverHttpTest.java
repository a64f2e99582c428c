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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 派单目录 against the 单位目录 over HTTP: with the demo directory of 威海市 loaded, the dispatch form is offered a
 * district for the area beside the department for the category, by name; once a unit the catalogue names leaves
 * service, {@code GET /api/v1/admin/units/catalogue-problems} lists each entry naming it with the rule, and the
 * proposal passes it over. Only an administrator reads the problems.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueOverHttpTest {

    private static final String PROBLEMS = "/api/v1/admin/units/catalogue-problems";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-catalogue").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void theCatalogueProposesADistrictAndADepartmentAndReportsEntriesNamingUnitsOutOfService() {
        WebTestClient admin = TestAccounts.admin(context);
        WebTestClient operator = TestAccounts.client(context, "cat-operator", "HOTLINE", Role.OPERATOR);

        JsonNode empty = read(admin, PROBLEMS);
        assertThat(empty.get("directoryEmpty").asBoolean()).isTrue();
        assertThat(empty.get("problems")).isEmpty();

        admin.post().uri("/api/v1/admin/units/demo-directory").exchange().expectStatus().isOk();
        JsonNode clean = read(admin, PROBLEMS);
        assertThat(clean.get("directoryEmpty").asBoolean()).isFalse();
        assertThat(clean.get("problems")).as("the sample catalogue names units of the demo directory").isEmpty();

        JsonNode proposal = read(operator, "/api/v1/dispatch-catalogue/proposal?category=COMPLAINT&area=371002");
        assertThat(proposal.get("department").asText()).isEqualTo("MARKET-REG");
        assertThat(proposal.get("district").asText()).isEqualTo("HUANCUI");
        assertThat(proposal.get("unit").asText()).isEqualTo("MARKET-REG");
        assertThat(proposal.at("/names/HUANCUI").asText()).isEqualTo("环翠区");
        assertThat(proposal.at("/names/MARKET-REG").asText()).isEqualTo("市市场监管局");

        admin.post().uri("/api/v1/admin/units/MARKET-REG/retire").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lastDay", "2021-06-30", "successor", "URBAN-MGMT"))
                .exchange().expectStatus().isOk();

        JsonNode problems = read(admin, PROBLEMS).get("problems");
        List<String> entries = new ArrayList<>();
        problems.forEach(problem -> entries.add(problem.get("areaPrefix").asText() + "/"
                + problem.get("category").asText() + "->" + problem.get("unit").asText() + ":"
                + problem.get("rule").asText()));
        assertThat(entries).containsExactlyInAnyOrder(
                "3706/COMPLAINT->MARKET-REG:OUT_OF_SERVICE", "3706/REPORT->MARKET-REG:OUT_OF_SERVICE",
                "3710/COMPLAINT->MARKET-REG:OUT_OF_SERVICE", "3710/REPORT->MARKET-REG:OUT_OF_SERVICE");
        assertThat(problems.get(0).get("successor").asText()).isEqualTo("URBAN-MGMT");
        assertThat(problems.get(0).get("unitName").asText()).isEqualTo("市市场监管局");
        assertThat(problems.get(0).get("lastDay").asText()).isEqualTo("2021-06-30");

        JsonNode passedOver = read(operator, "/api/v1/dispatch-catalogue/proposal?category=COMPLAINT&area=371002");
        assertThat(passedOver.get("unit").asText()).isEqualTo("URBAN-MGMT");
        assertThat(passedOver.get("district").asText()).isEqualTo("HUANCUI");

        operator.get().uri(PROBLEMS).exchange().expectStatus().isForbidden();
    }

    private static JsonNode read(WebTestClient who, String uri) {
        return who.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
