package io.hotline.privacy;

import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data never reach the logs nor the metrics: the app is driven through registration, a retried call,
 * refused and malformed input carrying the numbers, dispatch, a refused and an allowed reveal, searches by phone
 * and an erasure, and then neither the captured log output nor the Prometheus scrape holds the name, the phone or
 * the ID number used.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataNeverLoggedTest extends WholeApp {

    private static final String NAME = "欧阳测试";
    private static final String PHONE = "13566667777";
    private static final String ID_NUMBER = "11010119850505123X";

    private static final String REGISTRATION = """
            {"requestId":"%s","channel":"HOTLINE","category":"COMPLAINT","title":"噪音扰民","content":"夜间施工",
             "citizen":{"name":"%s","phone":"%s","idNumber":"%s"},"area":"370602"}""";

    private WebTestClient patient(WebTestClient client) {
        return client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    private WebTestClient.ResponseSpec post(WebTestClient http, String path, String json) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void theNumbersAndNameUsedAppearInNoLogLineAndNoMetric(CapturedOutput output) {
        WebTestClient operator = patient(TestAccounts.client(context, "op-log", "HOTLINE", Role.OPERATOR));
        WebTestClient handler = patient(TestAccounts.client(context, "log-handler", "LOG-UNIT", Role.UNIT_HANDLER));
        WebTestClient admin = patient(TestAccounts.admin(context));

        Map<?, ?> receipt = post(operator, "/api/v1/cases", REGISTRATION.formatted("log-1", NAME, PHONE, ID_NUMBER))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String caseId = (String) receipt.get("caseId");
        post(operator, "/api/v1/cases", REGISTRATION.formatted("log-1", NAME, PHONE, ID_NUMBER)).expectStatus().isOk();
        post(operator, "/api/v1/cases", REGISTRATION.formatted("log-2", NAME, PHONE, PHONE)).expectStatus().isBadRequest();
        post(operator, "/api/v1/cases", REGISTRATION.formatted("log-3", NAME, PHONE, ID_NUMBER)
                .replace("\"area\"", "\"callerPhone\":\"" + PHONE + "\",\"area\"")).expectStatus().isBadRequest();
        post(operator, "/api/v1/cases", REGISTRATION.formatted("log-4", NAME, PHONE, ID_NUMBER)
                .replace("\"噪音扰民\"", PHONE)).expectStatus().isBadRequest();
        post(handler, "/api/v1/cases", REGISTRATION.formatted("log-5", NAME, PHONE, ID_NUMBER)).expectStatus().isForbidden();

        post(operator, "/api/v1/cases/" + caseId + "/dispatch", "{\"leadUnit\":\"LOG-UNIT\"}").expectStatus().isOk();
        post(handler, "/api/v1/cases/" + caseId + "/sign", "{}").expectStatus().isOk();
        post(handler, "/api/v1/cases/" + caseId + "/personal-data/reveal", "{\"reason\":\"想知道是谁\"}")
                .expectStatus().isForbidden();
        handler.get().uri("/api/v1/cases?phone=" + PHONE).exchange().expectStatus().isForbidden();
        handler.get().uri("/api/v1/cases/{id}?atLeastVersion=2", caseId).exchange().expectStatus().isOk()
                .expectBody(String.class).value(view -> assertThat(view).doesNotContain(NAME).doesNotContain("135****"));
        Map<String, Object> revealed = post(operator, "/api/v1/cases/" + caseId + "/personal-data/reveal", "{\"reason\":\"回访\"}")
                .expectStatus().isOk().expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(revealed).containsEntry("name", NAME).containsEntry("phone", PHONE).containsEntry("idNumber", ID_NUMBER);
        operator.get().uri("/api/v1/cases?phone=" + PHONE).exchange().expectStatus().isOk();
        operator.get().uri("/api/v1/cases/{id}", caseId).exchange().expectStatus().isOk();

        post(admin, "/api/v1/admin/privacy/erasures", "{\"phone\":\"" + PHONE + "\"}").expectStatus().isCreated();
        String metrics = admin.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(output.getAll()).as("the log output was captured").contains("Erasure").contains("Refused");
        for (String personal : new String[]{PHONE, ID_NUMBER, NAME, "135-6666-7777"}) {
            assertThat(output.getAll()).as("log output").doesNotContain(personal);
            assertThat(metrics).as("metrics").doesNotContain(personal);
        }
    }
}
