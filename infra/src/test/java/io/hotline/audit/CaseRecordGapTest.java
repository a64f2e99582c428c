package io.hotline.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case whose stored record lost a commit (deleted in the store, in the middle or at the end) fails closed: the
 * next command on it is refused with a problem saying the record is damaged, nothing is stored at the missing
 * sequence number, an integrity alert is counted, and the auditors can still read what is left of its history.
 * Each load is a fresh one (the case cache emptied), as after a restart or on another node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseRecordGapTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-gap").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    Cache caseCache;
    @Autowired
    MeterRegistry meters;

    @Test
    void aCaseMissingACommitInTheMiddleOrAtTheEndTakesNoCommand() {
        String caseId = register();
        WebTestClient roads = TestAccounts.client(context, "gap-roads", "ROADS", Role.UNIT_HANDLER);
        command(operator(), caseId, "dispatch", Map.of("leadUnit", "ROADS")).expectStatus().isOk();
        command(roads, caseId, "sign", null).expectStatus().isOk();
        command(roads, caseId, "progress", Map.of("note", "已派人查看")).expectStatus().isOk();
        long last = version(command(roads, caseId, "progress", Map.of("note", "已更换灯泡")).expectStatus().isOk());
        MongoCollection<Document> log = mongo.getMongoDatabase().getCollection("events");

        double alertsBefore = alerts();
        for (long missing : List.of(last - 1, last)) {
            Document commit = log.find(new Document("aggregateId", caseId).append("firstSeq", missing)).first();
            assertThat(commit).isNotNull();
            log.deleteOne(new Document("_id", commit.get("_id")));
            caseCache.removeAll();
            try {
                JsonNode refused = json(command(roads, caseId, "progress", Map.of("note", "写在缺口上"))
                        .expectStatus().isEqualTo(409)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
                assertThat(refused.get("code").asText()).isEqualTo("CASE_RECORD_DAMAGED");
                assertThat(refused.get("detail").asText()).contains("damaged");
                assertThat(log.find(new Document("aggregateId", caseId).append("firstSeq", missing)).first())
                        .as("nothing stored over the gap at %d", missing).isNull();
                assertThat(log.find(new Document("aggregateId", caseId).append("firstSeq", last + 1)).first())
                        .as("nothing stored after the gap either").isNull();
                auditor().get().uri("/api/v1/audit/cases/{id}/history", caseId).exchange().expectStatus().isOk();
            } finally {
                log.insertOne(commit);
                caseCache.removeAll();
            }
        }
        assertThat(alerts() - alertsBefore).isEqualTo(2.0);

        long next = version(command(roads, caseId, "progress", Map.of("note", "记录恢复后继续办理"))
                .expectStatus().isOk());
        assertThat(next).isEqualTo(last + 1);
    }

    private double alerts() {
        var counter = meters.find("hotline.integrity.alerts").tag("kind", "case-record-gap").counter();
        return counter == null ? 0 : counter.count();
    }

    private String register() {
        Map<?, ?> receipt = operator().post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestId", "call-gap", "channel", "HOTLINE", "category", "COMPLAINT",
                        "urgency", "NORMAL", "title", "路灯不亮", "content", "小区门口的路灯坏了",
                        "citizen", Map.of("name", "张三", "phone", "13800138000"), "area", "370602"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) receipt.get("caseId");
    }

    private WebTestClient.ResponseSpec command(WebTestClient who, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec request = who.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    private static long version(WebTestClient.ResponseSpec ok) {
        Map<?, ?> ack = ok.expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ack.get("version")).longValue();
    }

    private JsonNode json(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient operator() {
        return TestAccounts.client(context, "gap-operator", "HOTLINE", Role.OPERATOR);
    }

    private WebTestClient auditor() {
        return TestAccounts.client(context, "gap-auditor", "HOTLINE", Role.AUDITOR);
    }
}
