package io.hotline.intake;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thin slice, as an operator sees it over HTTP: register a request, read the case back. Shared by the
 * embedded-store test and the real-MongoDB test so both prove the same behaviour.
 */
public final class IntakeRoundTrip {

    public static final String COMPLAINT = """
            {"requestId":"%s","channel":"HOTLINE","category":"COMPLAINT","urgency":"NORMAL","title":"路灯不亮",
             "content":"小区门口路灯坏了三天","citizen":{"name":"张三","phone":"13800138000"},"area":"370602"}
            """;

    private IntakeRoundTrip() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> registerAndReadBack(WebTestClient http, String requestId) {
        Map<String, Object> receipt = http.post().uri("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(COMPLAINT.formatted(requestId))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(receipt).containsKeys("caseId", "caseNumber");
        assertThat((String) receipt.get("caseNumber")).matches("\\d{8}-\\d{6}");

        String caseId = (String) receipt.get("caseId");
        Map<String, Object> view = awaitView(http, caseId);
        assertThat(view).containsEntry("caseNumber", receipt.get("caseNumber"))
                .containsEntry("title", "路灯不亮")
                .containsEntry("category", "COMPLAINT")
                .containsEntry("area", "370602")
                .containsEntry("status", "REGISTERED");
        return view;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> awaitView(WebTestClient http, String caseId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var result = http.get().uri("/api/v1/cases/{id}", caseId).exchange().returnResult(Map.class);
            if (result.getStatus().is2xxSuccessful()) {
                return result.getResponseBody().blockFirst();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("case " + caseId + " never appeared in the read model");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
