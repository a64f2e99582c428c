package io.hotline.intake;

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
import java.util.Map;

/**
 * 并单 over HTTP on the embedded store: the operator's request merges the repeat, and the merge process records it
 * on the original, which a reader sees once the original's view reaches the version after the link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MergeOverHttpTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-merge").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void aRepeatedRequestMergedIntoItsOriginalIsListedOnTheOriginal() {
        WebTestClient operator = TestAccounts.client(context, "op-merge", "HOTLINE", Role.OPERATOR);
        Map<String, Object> original = IntakeRoundTrip.registerAndReadBack(operator, "call-merge-original");
        Map<String, Object> repeat = IntakeRoundTrip.registerAndReadBack(operator, "call-merge-repeat");
        String originalId = (String) original.get("caseId");
        String repeatId = (String) repeat.get("caseId");
        long originalVersion = ((Number) original.get("version")).longValue();

        operator.post().uri("/api/v1/cases/{id}/merge", repeatId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("intoCaseId", originalId))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.caseId").isEqualTo(repeatId)
                .jsonPath("$.caseNumber").isEqualTo(repeat.get("caseNumber"));

        // The link is the process's step: the read side waits for the original's next version, which is it.
        operator.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", originalId, originalVersion + 1).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-View-Stale")
                .expectBody()
                .jsonPath("$.repeatedRequests[0].caseId").isEqualTo(repeatId)
                .jsonPath("$.repeatedRequests[0].caseNumber").isEqualTo(repeat.get("caseNumber"));
        operator.get().uri("/api/v1/cases/{id}", repeatId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("MERGED");
    }
}
