package io.hotline.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.hotline.command.notify.WebhookSignatures;
import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.citizen.CitizenNotified;
import io.hotline.kernel.citizen.CitizenOptedIn;
import io.hotline.kernel.citizen.CitizenOptedOut;
import io.hotline.kernel.citizen.NotificationChannel;
import io.hotline.kernel.citizen.NotificationOutcome;
import io.hotline.kernel.citizen.QueryCodes;
import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 件件有回音 over the real protocols: a jSMPP SMS centre and a GreenMail SMTP server started here, the whole app
 * on the embedded store with the sender on. The citizen gets the case number by SMS and email, the invitation to
 * evaluate with the reply, and their answer {@code 1} is recorded as the evaluation; the SMS centre going away
 * delays messages and loses or doubles none; a node dying mid-send leaves one repeat, recorded as such; the
 * message platform's webhook refuses forged and replayed calls and takes 退订.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.notifications.sending=true",
        "app.notifications.poll=200ms",
        "app.notifications.first-retry=300ms",
        "app.notifications.max-retry=1s",
        "app.notifications.max-attempts=1000",
        "app.notifications.quiet-start=00:00",
        "app.notifications.quiet-end=00:00",
        "app.notifications.smpp.host=localhost",
        "app.notifications.smpp.system-id=hotline",
        "app.notifications.smpp.password=secret",
        "app.notifications.smpp.reconnect-every=300ms",
        "app.notifications.smpp.timeout=3s",
        "app.notifications.webhook.secret=test-webhook-secret",
        "spring.mail.host=localhost"})
class CitizenNotificationsOverRealProtocolsTest {

    static final TestSmsc SMSC = new TestSmsc(TestSmsc.freePort()).start();
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("app.data-dir", Files.createTempDirectory("hotline-notify-it")::toString);
        TestAccounts.configure(registry);
        MAIL.start();
        registry.add("app.notifications.smpp.port", SMSC::port);
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stopServers() {
        SMSC.close();
        MAIL.stop();
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore events;
    @Autowired
    QueryCodes queryCodes;
    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    MeterRegistry meters;

    // ------------------------------------------------------------------ the citizen's messages

    @Test
    void aRegistrationSendsTheCaseNumberAndQueryCodeBySmsAndByEmail() throws Exception {
        String phone = "13911110001";
        String caseId = fileThroughOpen311(phone, "citizen.notify@example.org");
        String caseNumber = caseNumberOf(caseId);

        await(() -> !SMSC.receivedBy(phone).isEmpty());
        String sms = SMSC.receivedBy(phone).get(0).text();
        assertThat(sms).contains(caseNumber).contains(queryCodes.codeFor(caseId)).contains("/track")
                .doesNotContain("Zhang").doesNotContain("井盖");

        await(() -> MAIL.getReceivedMessages().length > 0 && mailTo("citizen.notify@example.org") != null);
        MimeMessage mail = mailTo("citizen.notify@example.org");
        assertThat(mail.getSubject()).contains(caseNumber);
        assertThat(GreenMailUtil.getBody(mail).isEmpty()).isFalse();
        assertThat(new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains(caseNumber).contains(queryCodes.codeFor(caseId));

        // recorded on the case: sent by each channel, and the SMS delivered (the SMS centre's receipt)
        await(() -> outcomes(caseId).contains("SMS:REGISTERED:DELIVERED"));
        await(() -> outcomes(caseId).containsAll(List.of("SMS:REGISTERED:SENT", "EMAIL:REGISTERED:SENT")));
        // shown on the case page and in the audit history: what was sent, how, with what result, no address
        await(() -> operator().get().uri("/api/v1/cases/{id}", caseId).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody().contains("\"outcome\":\"DELIVERED\""));
        String page = operator().get().uri("/api/v1/cases/{id}", caseId).exchange().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(page).contains("\"template\":\"REGISTERED\"").contains("\"channel\":\"EMAIL\"")
                .doesNotContain("citizen.notify@example.org");
        String history = TestAccounts.client(context, "au-notify", "HOTLINE", Role.AUDITOR).get()
                .uri("/api/v1/audit/cases/{id}/history", caseId).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(history).contains("registered message to the citizen of case " + caseNumber + " by sms: delivered")
                .contains("by email: sent: via smtp").doesNotContain(phone);
        assertThat(meters.find("hotline.notifications").tags("channel", "sms", "template", "registered",
                "outcome", "sent").counter()).isNotNull();
        assertThat(meters.find("hotline.notifications").counters().toString()).doesNotContain(phone);
        String figures = operator().get().uri("/api/v1/notifications/figures").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(figures).contains("{\"channel\":\"EMAIL\",\"template\":\"REGISTERED\",\"outcome\":\"SENT\"")
                .contains("\"outcome\":\"DELIVERED\"").doesNotContain(phone);
    }

    @Test
    void aReplyInvitesAnEvaluationAndTheCitizensAnswerOneRecordsIt() throws Exception {
        String phone = "13911110002";
        String caseId = registerByPhone("notify-reply-1", phone);
        await(() -> SMSC.receivedBy(phone).size() == 1);
        replyTo(caseId, "已更换路灯灯泡，联系电话 13800001111");

        await(() -> SMSC.receivedBy(phone).size() == 2);
        String invitation = SMSC.receivedBy(phone).get(1).text();
        assertThat(invitation).contains(caseNumberOf(caseId)).contains("1非常满意").contains("5非常不满意")
                .contains("已更换路灯灯泡").doesNotContain("13800001111");

        SMSC.citizenSends(phone, "1");
        await(() -> payloads(caseId).stream().anyMatch(FeedbackRecorded.class::isInstance));
        FeedbackRecorded feedback = payloads(caseId).stream().filter(FeedbackRecorded.class::isInstance)
                .map(FeedbackRecorded.class::cast).findFirst().orElseThrow();
        assertThat(feedback.channel()).isEqualTo(FeedbackChannel.SMS);
        assertThat(feedback.satisfaction()).isEqualTo(Satisfaction.VERY_SATISFIED);
        assertThat(feedback.countsAsSatisfied()).isTrue();

        // a second answer to the same reply: the case refuses it, the citizen gets one help message
        SMSC.citizenSends(phone, "5");
        await(() -> SMSC.receivedBy(phone).size() == 3);
        assertThat(SMSC.receivedBy(phone).get(2).text()).contains("未能识别");
        assertThat(payloads(caseId).stream().filter(FeedbackRecorded.class::isInstance).count()).isEqualTo(1);
    }

    @Test
    void messagesDueWhileTheSmsCentreIsAwayAreAllSentAfterItReturnsNoneTwice() {
        SMSC.stop();
        List<String> phones = List.of("13911110031", "13911110032", "13911110033");
        List<String> cases = phones.stream().map(phone -> registerByPhone("notify-outage-" + phone, phone)).toList();
        // the sender tries and fails while the SMS centre is away
        await(() -> cases.stream().allMatch(caseId -> attemptsOf(caseId) >= 2));
        assertThat(phones.stream().allMatch(phone -> SMSC.receivedBy(phone).isEmpty())).isTrue();

        SMSC.start();
        await(() -> phones.stream().allMatch(phone -> SMSC.receivedBy(phone).size() == 1));
        await(() -> cases.stream().allMatch(caseId -> outcomes(caseId).contains("SMS:REGISTERED:SENT")));
        sleep(Duration.ofSeconds(2)); // a while for any duplicate to show up
        phones.forEach(phone -> assertThat(SMSC.receivedBy(phone)).as(phone).hasSize(1));
        cases.forEach(caseId -> assertThat(outcomes(caseId)).as(caseId).containsOnlyOnce("SMS:REGISTERED:SENT"));
    }

    @Test
    void aMessageANodeDiedSendingIsSentAgainOnceAndRecordedAsPossiblyRepeated() {
        String phone = "13911110004";
        String caseId = registerByPhone("notify-kill-1", phone);
        await(() -> SMSC.receivedBy(phone).size() == 1);
        // what a node leaves behind when it dies between handing a message to the SMS centre and recording it
        String id = "killed-node-event:sms";
        Date past = Date.from(Instant.now().minusSeconds(60));
        Document item = new Document("_id", id).append("caseId", caseId).append("caseNumber", caseNumberOf(caseId))
                .append("channel", "SMS").append("template", "CLOSED").append("urgent", false)
                .append("parameters", new Document()).append("createdAt", past);
        mongo.getMongoDatabase().getCollection("citizen_notifications")
                .insertOne(new Document(item).append("status", "PENDING"));
        mongo.getMongoDatabase().getCollection("citizen_notifications_due").insertOne(new Document(item)
                .append("due", past).append("attempts", 0).append("owner", "node-that-died")
                .append("leaseUntil", past).append("sending", true));

        await(() -> SMSC.receivedBy(phone).size() == 2);
        await(() -> payloads(caseId).stream().anyMatch(p -> p instanceof CitizenNotified n
                && n.notificationId().equals(id) && n.outcome() == NotificationOutcome.SENT));
        CitizenNotified repeated = payloads(caseId).stream().filter(p -> p instanceof CitizenNotified n
                && n.notificationId().equals(id) && n.outcome() == NotificationOutcome.SENT)
                .map(CitizenNotified.class::cast).findFirst().orElseThrow();
        assertThat(repeated.possiblyRepeated()).isTrue();
        sleep(Duration.ofSeconds(1));
        assertThat(SMSC.receivedBy(phone)).hasSize(2);
    }

    // ------------------------------------------------------------------ inbound

    @Test
    void theWebhookRefusesForgedAndReplayedCallsAndTakesAnOptOut() {
        String phone = "13911110005";
        String caseId = registerByPhone("notify-webhook-1", phone);
        await(() -> SMSC.receivedBy(phone).size() == 1);
        String body = "{\"messageId\":\"platform-1\",\"from\":\"" + phone + "\",\"text\":\"TD\"}";
        String now = Long.toString(Instant.now().getEpochSecond());
        String signature = new WebhookSignatures("test-webhook-secret").sign(now, body.getBytes(StandardCharsets.UTF_8));

        inbound(body, null, null).expectStatus().isBadRequest();
        inbound(body, now, new WebhookSignatures("forged").sign(now, body.getBytes(StandardCharsets.UTF_8)))
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String stale = Long.toString(Instant.now().minus(Duration.ofHours(1)).getEpochSecond());
        inbound(body, stale, new WebhookSignatures("test-webhook-secret").sign(stale, body.getBytes(StandardCharsets.UTF_8)))
                .expectStatus().isUnauthorized();
        assertThat(payloads(caseId).stream().noneMatch(CitizenOptedOut.class::isInstance)).isTrue();

        inbound(body, now, signature).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("OPTED_OUT");
        inbound(body, now, signature).expectStatus().isEqualTo(409);
        assertThat(payloads(caseId).stream().filter(CitizenOptedOut.class::isInstance).count()).isEqualTo(1);

        // no more messages to that phone: the next one is kept and recorded as suppressed
        replyTo(caseId, "已处理");
        await(() -> outcomes(caseId).contains("SMS:REPLIED:SUPPRESSED"));
        assertThat(SMSC.receivedBy(phone)).hasSize(1);
        assertThat(payloads(caseId).stream().filter(p -> p instanceof CitizenNotified n
                && n.outcome() == NotificationOutcome.SUPPRESSED).map(p -> ((CitizenNotified) p).reason()))
                .containsExactly("opted out");
    }

    @Test
    void 订阅OverSmppReversesTheOptOutAndUnknownNumbersAreIgnored() throws Exception {
        String phone = "13911110006";
        String caseId = registerByPhone("notify-optin-1", phone);
        await(() -> SMSC.receivedBy(phone).size() == 1);
        SMSC.citizenSends(phone, "退订");
        await(() -> payloads(caseId).stream().anyMatch(CitizenOptedOut.class::isInstance));
        SMSC.citizenSends(phone, "订阅");
        await(() -> payloads(caseId).stream().anyMatch(CitizenOptedIn.class::isInstance));

        long before = inboundOutcomes("IGNORED_UNKNOWN_NUMBER");
        SMSC.citizenSends("13900000000", "1");
        await(() -> inboundOutcomes("IGNORED_UNKNOWN_NUMBER") == before + 1);
        assertThat(mongo.getMongoDatabase().getCollection("citizen_inbound").find().into(new java.util.ArrayList<>())
                .toString()).doesNotContain("13900000000").doesNotContain(phone);
    }

    // ------------------------------------------------------------------ helpers

    private WebTestClient operator() {
        return TestAccounts.client(context, "op-notify", "HOTLINE", Role.OPERATOR);
    }

    private WebTestClient handler() {
        return TestAccounts.client(context, "water-notify", "WATER-NT", Role.UNIT_HANDLER);
    }

    private String registerByPhone(String requestId, String phone) {
        Map<String, Object> receipt = operator().post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"requestId":"%s","channel":"HOTLINE","category":"COMPLAINT","title":"路灯不亮",
                         "content":"幸福路 8 号门口路灯坏了","citizen":{"name":"张三","phone":"%s"},"area":"370602"}"""
                        .formatted(requestId, phone))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        return (String) receipt.get("caseId");
    }

    private String fileThroughOpen311(String phone, String email) {
        Map<String, Object> issued = TestAccounts.admin(context).post().uri("/api/v1/admin/open311/keys")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Notify app"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("service_code", "COMPLAINT");
        form.add("description", "井盖缺失");
        form.add("attribute[area]", "370602");
        form.add("address_string", "幸福路 8 号");
        form.add("first_name", "Lei");
        form.add("last_name", "Zhang");
        form.add("phone", phone);
        form.add("email", email);
        form.add("api_key", (String) issued.get("apiKey"));
        String created = TestAccounts.anonymous(context).post().uri("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData(form)).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(created).contains("service_request_id");
        return created.replaceAll("(?s).*\"service_request_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private void replyTo(String caseId, String text) {
        act(operator(), caseId, "dispatch", Map.of("leadUnit", "WATER-NT"));
        act(handler(), caseId, "sign", null);
        act(handler(), caseId, "reply", Map.of("result", "SOLVED", "text", text));
    }

    private static void act(WebTestClient http, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        (body == null ? request.exchange() : request.bodyValue(body).exchange()).expectStatus().isOk();
    }

    private String caseNumberOf(String caseId) {
        return payloads(caseId).stream().filter(io.hotline.kernel.cases.CaseRegistered.class::isInstance)
                .map(p -> ((io.hotline.kernel.cases.CaseRegistered) p).caseNumber()).findFirst().orElseThrow();
    }

    private WebTestClient.ResponseSpec inbound(String body, String timestamp, String signature) {
        WebTestClient.RequestBodySpec request = TestAccounts.anonymous(context).post()
                .uri("/api/v1/notifications/inbound").contentType(MediaType.APPLICATION_JSON);
        if (timestamp != null) {
            request.header(WebhookSignatures.TIMESTAMP_HEADER, timestamp);
            request.header(WebhookSignatures.SIGNATURE_HEADER, signature);
        }
        return request.bodyValue(body).exchange();
    }

    private List<Object> payloads(String caseId) {
        return events.readEvents(caseId).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    /** "SMS:REGISTERED:SENT" for each CitizenNotified of the case. */
    private List<String> outcomes(String caseId) {
        return payloads(caseId).stream().filter(CitizenNotified.class::isInstance).map(CitizenNotified.class::cast)
                .map(n -> n.channel() + ":" + n.template() + ":" + n.outcome()).toList();
    }

    private int attemptsOf(String caseId) {
        Document item = mongo.getMongoDatabase().getCollection("citizen_notifications_due")
                .find(new Document("caseId", caseId).append("channel", NotificationChannel.SMS.name())).first();
        return item == null ? 0 : item.getInteger("attempts", 0);
    }

    private long inboundOutcomes(String outcome) {
        return mongo.getMongoDatabase().getCollection("citizen_inbound").countDocuments(new Document("outcome", outcome));
    }

    private MimeMessage mailTo(String address) {
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    return message;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    private static void await(BooleanSupplier condition) {
        Instant until = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within " + PATIENCE);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
