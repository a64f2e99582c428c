package io.hotline.notify;

import io.hotline.kernel.citizen.CitizenNotified;
import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default, with no SMS centre, mail server or webhook configured: nothing is dropped silently, each
 * message is kept and recorded on the case as suppressed, "no gateway configured". And a citizen whose personal
 * data were erased gets nothing: "personal data erased".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.notifications.sending=true",
        "app.notifications.poll=200ms",
        "app.notifications.quiet-start=00:00",
        "app.notifications.quiet-end=00:00"})
class NotificationsWithoutGatewaysTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("app.data-dir", Files.createTempDirectory("hotline-notify-none")::toString);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore events;

    @Test
    void withNoGatewayEveryMessageIsKeptAndShownAsSuppressed() {
        String caseId = register("none-1", "13922220001");
        await(() -> !notices(caseId).isEmpty());
        CitizenNotified notice = notices(caseId).get(0);
        assertThat(notice.template()).isEqualTo("REGISTERED");
        assertThat(notice.outcome().name()).isEqualTo("SUPPRESSED");
        assertThat(notice.reason()).isEqualTo("no gateway configured");
        assertThat(mongoLedgerStatus(notice.notificationId())).isEqualTo("SUPPRESSED");
    }

    @Test
    void anErasedCitizenGetsNothing() {
        String phone = "13922220002";
        String caseId = register("none-2", phone);
        await(() -> !notices(caseId).isEmpty());
        TestAccounts.admin(context).mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .post().uri("/api/v1/admin/privacy/erasures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\":\"" + phone + "\"}").exchange().expectStatus().isCreated();
        WebTestClient operator = TestAccounts.client(context, "op-none", "HOTLINE", Role.OPERATOR);
        operator.post().uri("/api/v1/cases/{id}/close", caseId).exchange().expectStatus().is4xxClientError();
        operator.post().uri("/api/v1/cases/{id}/resolve-at-intake", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answer", "已答复")).exchange().expectStatus().isOk();
        operator.post().uri("/api/v1/cases/{id}/close", caseId).exchange().expectStatus().isOk();
        await(() -> notices(caseId).stream().anyMatch(n -> n.template().equals("CLOSED")));
        CitizenNotified closed = notices(caseId).stream().filter(n -> n.template().equals("CLOSED")).findFirst()
                .orElseThrow();
        assertThat(closed.outcome().name()).isEqualTo("SUPPRESSED");
        assertThat(closed.reason()).isEqualTo("personal data erased");
    }

    private String register(String requestId, String phone) {
        return (String) TestAccounts.client(context, "op-none", "HOTLINE", Role.OPERATOR).post().uri("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"requestId":"%s","channel":"HOTLINE","category":"COMPLAINT","title":"路灯不亮",
                         "content":"路灯坏了","citizen":{"name":"李四","phone":"%s"},"area":"370602"}"""
                        .formatted(requestId, phone))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("caseId");
    }

    private String mongoLedgerStatus(String notificationId) {
        return context.getBean(org.springframework.data.mongodb.MongoDatabaseFactory.class).getMongoDatabase()
                .getCollection("citizen_notifications").find(new org.bson.Document("_id", notificationId)).first()
                .getString("status");
    }

    private List<CitizenNotified> notices(String caseId) {
        return events.readEvents(caseId).asStream().map(m -> m.getPayload()).filter(CitizenNotified.class::isInstance)
                .map(CitizenNotified.class::cast).toList();
    }

    private static void await(BooleanSupplier condition) {
        Instant until = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within " + PATIENCE);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
