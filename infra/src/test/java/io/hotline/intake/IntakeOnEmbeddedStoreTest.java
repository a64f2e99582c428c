package io.hotline.intake;

import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole app on the embedded store, on a random port: registration round trip and the edge's answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeOnEmbeddedStoreTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("app.data-dir", () -> tempDir());
        TestAccounts.configure(registry);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("hotline-it").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    ApplicationContext context;

    /** An operator of the hotline's intake desk: registering cases is theirs to do. */
    WebTestClient http;

    @BeforeEach
    void signIn() {
        http = TestAccounts.client(context, "op-intake", "HOTLINE", Role.OPERATOR);
    }

    @Test
    void aRegisteredComplaintCanBeReadBack() {
        IntakeRoundTrip.registerAndReadBack(http, "call-0001");
    }

    @Test
    void aRetriedRegistrationAnswersWithTheSameCase() {
        Map<String, Object> first = IntakeRoundTrip.registerAndReadBack(http, "call-retry");
        Map<?, ?> again = http.post().uri("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(IntakeRoundTrip.COMPLAINT.formatted("call-retry"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again.get("caseId")).isEqualTo(first.get("caseId"));
        assertThat(again.get("caseNumber")).isEqualTo(first.get("caseNumber"));
        assertThat(again.get("newlyRegistered")).isEqualTo(false);
    }

    @Test
    void caseNumbersIncreaseWithinADay() {
        String first = (String) IntakeRoundTrip.registerAndReadBack(http, "call-n1").get("caseNumber");
        String second = (String) IntakeRoundTrip.registerAndReadBack(http, "call-n2").get("caseNumber");
        assertThat(second.substring(0, 8)).isEqualTo(first.substring(0, 8));
        assertThat(Integer.parseInt(second.substring(9))).isGreaterThan(Integer.parseInt(first.substring(9)));
    }

    @Test
    void aMissingFieldIsAnsweredWithAProblemNamingIt() {
        http.post().uri("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(IntakeRoundTrip.COMPLAINT.formatted("call-bad").replace("\"area\":\"370602\"", "\"area\":\"37\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("area")
                .jsonPath("$.errors[0].reason").value(reason -> assertThat((String) reason).contains("6-digit"));
    }

    @Test
    void aRefusalIsWordedInTheLanguageOfTheRequestWithItsRuleAndLimits() {
        String badPhone = IntakeRoundTrip.COMPLAINT.formatted("call-bad-zh").replace("13800138000", "电话");
        http.post().uri("/api/v1/cases").header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(badPhone)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("以下字段填写有误：citizen.phone")
                .jsonPath("$.errors[0].field").isEqualTo("citizen.phone")
                .jsonPath("$.errors[0].reason").isEqualTo("须为电话号码")
                .jsonPath("$.errors[0].rule").isEqualTo("Pattern");
        http.post().uri("/api/v1/cases").header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(badPhone)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].reason").isEqualTo("must be a phone number");
        String longTitle = IntakeRoundTrip.COMPLAINT.formatted("call-bad-zh2").replace("路灯不亮", "长".repeat(300));
        http.post().uri("/api/v1/cases").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(longTitle)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("title")
                .jsonPath("$.errors[0].rule").isEqualTo("Size")
                .jsonPath("$.errors[0].max").isEqualTo("200")
                .jsonPath("$.errors[0].reason").value(reason -> assertThat((String) reason).startsWith("长度须在 "));
    }

    @Test
    void anUnknownCategoryIsAnsweredWithAProblemNamingTheField() {
        http.post().uri("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(IntakeRoundTrip.COMPLAINT.formatted("call-bad2").replace("COMPLAINT", "GOSSIP"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("category");
    }

    @Test
    void anUnknownFieldIsRejected() {
        http.post().uri("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(IntakeRoundTrip.COMPLAINT.formatted("call-bad3").replace("\"area\"", "\"$where\":\"1\",\"area\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("$where");
    }

    @Test
    void theStoreReportsHealthy() {
        TestAccounts.anonymous(context).get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        http.get().uri("/api/v1/cases/{id}", "no-such-case")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
