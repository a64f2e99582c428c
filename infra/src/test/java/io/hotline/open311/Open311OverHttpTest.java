package io.hotline.open311;

import com.fasterxml.jackson.databind.JsonNode;
import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open311 GeoReport v2 over HTTP on the embedded store, the way a reporting app uses it: discover, list the
 * services, read a definition, file a request with an API key an administrator issued, and follow it while the
 * hotline and a unit work the case on our own API. Every JSON answer is validated against the standard's schemas;
 * every XML answer is compared field by field with the JSON one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Open311OverHttpTest {

    static final int RATE = 5;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-open311").toString();
        registry.add("app.data-dir", () -> dir);
        registry.add("app.open311.requests-per-minute", () -> RATE);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    ReactiveMongoTemplate mongo;

    // ------------------------------------------------------------------ the standard's answers

    @Test
    void discoveryServicesAndDefinitionsAnswerTheStandardsShapes() {
        JsonNode discovery = GeoReportSchemas.read(get("/open311/discovery.json", 200));
        assertThat(discovery.path("endpoints").get(0).path("specification").asText())
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(discovery.path("endpoints").get(0).path("url").asText()).endsWith("/open311/v2");
        assertThat(discovery.path("endpoints").get(0).path("formats").toString()).contains("text/xml");
        XmlAnswers.sameObject(XmlAnswers.parse(get("/open311/discovery.xml", 200)), discovery);

        JsonNode services = GeoReportSchemas.valid(GeoReportSchemas.SERVICES, get("/open311/v2/services.json", 200));
        assertThat(services).hasSize(6);
        assertThat(services.findValuesAsText("service_code"))
                .containsExactly("CONSULTATION", "HELP", "COMPLAINT", "REPORT", "SUGGESTION", "THANKS");
        JsonNode help = services.get(1);
        assertThat(help.path("service_name").asText()).isEqualTo("求助 Help");
        assertThat(help.path("metadata").asBoolean()).isTrue();
        // the dispatch catalogue: HELP goes to HOUSING in 3706, to WATER in 370602
        assertThat(help.path("description").asText()).contains("HOUSING").contains("370602*: WATER");
        XmlAnswers.sameList(get("/open311/v2/services.xml", 200), "services", "service", services);

        JsonNode definition = GeoReportSchemas.valid(GeoReportSchemas.SERVICE_DEFINITION,
                get("/open311/v2/services/COMPLAINT.json", 200));
        assertThat(definition.path("service_code").asText()).isEqualTo("COMPLAINT");
        assertThat(definition.path("attributes").findValuesAsText("code")).containsExactly("area", "urgency", "title");
        assertThat(definition.path("attributes").get(0).path("required").asBoolean()).isTrue();
        assertThat(definition.path("attributes").get(1).path("values").findValuesAsText("key"))
                .containsExactly("NORMAL", "URGENT", "EMERGENCY");
        XmlAnswers.sameObject(XmlAnswers.parse(get("/open311/v2/services/COMPLAINT.xml", 200)), definition);
    }

    /** FixMyStreet files and reads at once: the read waits for the read model instead of answering 404. */
    @Test
    void aRequestIsReadRightAfterItIsFiled() {
        String key = issueKey("Read-after-create app");
        for (int i = 0; i < RATE - 1; i++) {
            MultiValueMap<String, String> filed = form("HELP", "路灯不亮 " + i, Map.of(
                    "address_string", "南大街 " + i, "attribute[area]", "370602"));
            filed.add("media_url", "https://media.example.org/p/" + i + "a.jpg");
            filed.add("media_url", "https://media.example.org/p/" + i + "b.jpg");
            JsonNode created = GeoReportSchemas.read(post("json", key, filed, 200));
            String id = created.get(0).path("service_request_id").asText();
            JsonNode read = GeoReportSchemas.valid(GeoReportSchemas.REQUESTS,
                    get("/open311/v2/requests/" + id + ".json", 200));
            assertThat(read.get(0).path("service_request_id").asText()).isEqualTo(id);
            assertThat(read.get(0).path("description").asText()).isEqualTo("路灯不亮 " + i);
            // FixMyStreet's several photos: GeoReport's media_url shows the first, every link is kept
            JsonNode located = awaitRequest(id, request -> request.path("media_url").isTextual());
            assertThat(located.path("media_url").asText()).isEqualTo("https://media.example.org/p/" + i + "a.jpg");
            org.bson.Document record = mongo.findById(id, org.bson.Document.class, "open311_requests").block();
            assertThat(record.getList("mediaUrls", String.class)).containsExactly(
                    "https://media.example.org/p/" + i + "a.jpg", "https://media.example.org/p/" + i + "b.jpg");
        }
    }

    @Test
    void aRequestFiledThroughOpen311FollowsItsCaseThroughDispatchReplyAndClose() {
        String key = issueKey("Lifecycle app");
        JsonNode created = GeoReportSchemas.validItems(GeoReportSchemas.REQUEST_RESPONSE,
                post("json", key, form("HELP", "水管爆裂，小区东门积水严重", Map.of(
                        "lat", "37.5396", "long", "121.3915", "address_string", "芝罘区南大街 100 号",
                        "media_url", "https://media.example.org/p/1.jpg", "attribute[area]", "370602",
                        "attribute[urgency]", "URGENT")), 200));
        String id = created.get(0).path("service_request_id").asText();
        String token = created.get(0).path("token").asText();
        assertThat(created.get(0).path("service_notice").asText()).contains(token);

        // the place is a second event beside the registration: wait for both
        JsonNode registered = awaitRequest(id, request -> request.path("lat").isNumber());
        assertThat(registered.path("status").asText()).isEqualTo("open");
        assertThat(registered.path("status_notes").asText()).startsWith("已受理 REGISTERED");
        assertThat(registered.path("agency_responsible").asText()).isEqualTo("HOTLINE");
        assertThat(registered.path("service_code").asText()).isEqualTo("HELP");
        assertThat(registered.path("description").asText()).isEqualTo("水管爆裂，小区东门积水严重");
        assertThat(registered.path("lat").asDouble()).isEqualTo(37.5396);
        assertThat(registered.path("long").asDouble()).isEqualTo(121.3915);
        assertThat(registered.path("address").asText()).isEqualTo("芝罘区南大街 100 号");
        assertThat(registered.path("media_url").asText()).isEqualTo("https://media.example.org/p/1.jpg");
        assertThat(registered.path("expected_datetime").isNull()).isTrue();

        JsonNode resolved = GeoReportSchemas.valid(GeoReportSchemas.TOKEN_RESPONSE,
                get("/open311/v2/tokens/" + token + ".json", 200).replaceAll("^\\[|]$", ""));
        assertThat(resolved.path("service_request_id").asText()).isEqualTo(id);
        XmlAnswers.sameList(get("/open311/v2/tokens/" + token + ".xml", 200), "service_requests", "request",
                GeoReportSchemas.read(get("/open311/v2/tokens/" + token + ".json", 200)));

        WebTestClient operator = TestAccounts.client(context, "op-o311", "HOTLINE", Role.OPERATOR);
        WebTestClient water = TestAccounts.client(context, "wa-o311", "WATER", Role.UNIT_HANDLER);
        act(operator, id, "dispatch", Map.of("leadUnit", "WATER", "assistingUnits", List.of()));
        JsonNode dispatched = awaitRequest(id, request -> request.path("status_notes").asText().contains("DISPATCHED"));
        assertThat(dispatched.path("status").asText()).isEqualTo("open");
        assertThat(dispatched.path("agency_responsible").asText()).isEqualTo("WATER");

        act(water, id, "sign", null);
        JsonNode handling = awaitRequest(id, request -> request.path("status_notes").asText().contains("IN_HANDLING"));
        assertThat(handling.path("status").asText()).isEqualTo("open");
        assertThat(handling.path("agency_responsible").asText()).isEqualTo("WATER");
        assertThat(Instant.parse(java.time.OffsetDateTime.parse(handling.path("expected_datetime").asText())
                .toInstant().toString())).isAfter(Instant.now());

        act(water, id, "reply", Map.of("result", "SOLVED", "text", "管道已修复，如有问题请拨打 0535-6681234 或 13800138000"));
        JsonNode replied = awaitRequest(id, request -> request.path("status").asText().equals("closed"));
        assertThat(replied.path("status_notes").asText()).as("the unit's reply, numbers scrubbed")
                .isEqualTo("管道已修复，如有问题请拨打 *** 或 ***");
        assertThat(replied.path("agency_responsible").asText()).isEqualTo("WATER");

        act(operator, id, "close", null);
        awaitCaseStatus(operator, id, "CLOSED");
        JsonNode closed = GeoReportSchemas.read(get("/open311/v2/requests/" + id + ".json", 200)).get(0);
        assertThat(closed.path("status_notes").asText()).isEqualTo("管道已修复，如有问题请拨打 *** 或 ***");

        // FixMyStreet pulls what happened through the servicerequestupdates extension
        String window = "?start_date=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)
                + "&end_date=" + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(5)
                + "&api_key=" + key;
        JsonNode updates = awaitUpdates(window, id, 4);
        assertThat(updates.findValuesAsText("status")).containsExactly("open", "open", "closed", "closed");
        assertThat(updates.get(2).path("description").asText()).isEqualTo("管道已修复，如有问题请拨打 *** 或 ***");
        assertThat(updates.get(0).path("update_id").asText()).isNotBlank();
        assertThat(updates.get(3).path("updated_datetime").asText()).isNotBlank();
        XmlAnswers.sameList(get("/open311/v2/servicerequestupdates.xml" + window.replace("+", "%2B"), 200),
                "service_request_updates", "request_update",
                GeoReportSchemas.read(get("/open311/v2/servicerequestupdates.json" + window.replace("+", "%2B"), 200)));
        assertThat(closed.path("status").asText()).isEqualTo("closed");
        assertThat(closed.path("expected_datetime").isNull()).isTrue();
        assertThat(java.time.OffsetDateTime.parse(closed.path("updated_datetime").asText()))
                .isAfterOrEqualTo(java.time.OffsetDateTime.parse(closed.path("requested_datetime").asText()));

        String xml = get("/open311/v2/requests/" + id + ".xml", 200);
        XmlAnswers.sameList(xml, "service_requests", "request",
                GeoReportSchemas.read(get("/open311/v2/requests/" + id + ".json", 200)));

        // the same case on our own API: registered through the normal path, channel OPEN311, located
        operator.get().uri("/api/v1/cases/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.channel").isEqualTo("OPEN311").jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.urgency").isEqualTo("URGENT").jsonPath("$.area").isEqualTo("370602");
    }

    @Test
    void theListingAnswersTheStandardFiltersNewestFirst() {
        String key = issueKey("Listing app");
        String complaint = filedId(key, form("COMPLAINT", "夜间施工噪音扰民", Map.of("address_id", "ADDR-77",
                "attribute[area]", "370602")));
        String help = filedId(key, form("HELP", "楼道灯坏了", Map.of("lat", "37.5", "long", "121.4",
                "attribute[area]", "370602")));
        awaitRequest(complaint, request -> request.path("address_id").isTextual());
        awaitRequest(help, request -> request.path("lat").isNumber());

        JsonNode all = GeoReportSchemas.valid(GeoReportSchemas.REQUESTS, get("/open311/v2/requests.json", 200));
        List<String> ids = all.findValuesAsText("service_request_id");
        assertThat(ids).contains(complaint, help);
        assertThat(ids.indexOf(help)).isLessThan(ids.indexOf(complaint));
        XmlAnswers.sameList(get("/open311/v2/requests.xml", 200), "service_requests", "request",
                GeoReportSchemas.read(get("/open311/v2/requests.json", 200)));

        JsonNode complaints = GeoReportSchemas.valid(GeoReportSchemas.REQUESTS,
                get("/open311/v2/requests.json?service_code=COMPLAINT", 200));
        assertThat(complaints.findValuesAsText("service_code")).containsOnly("COMPLAINT");
        assertThat(complaints.findValuesAsText("service_request_id")).contains(complaint).doesNotContain(help);
        assertThat(complaints.get(0).path("address_id").asText()).isNotEmpty();

        JsonNode two = GeoReportSchemas.valid(GeoReportSchemas.REQUESTS,
                get("/open311/v2/requests.json?service_request_id=" + help + "," + complaint, 200));
        assertThat(two.findValuesAsText("service_request_id")).containsExactly(help, complaint);

        assertThat(GeoReportSchemas.valid(GeoReportSchemas.REQUESTS,
                get("/open311/v2/requests.json?status=closed", 200)).findValuesAsText("service_request_id"))
                .doesNotContain(help, complaint);
        assertThat(GeoReportSchemas.valid(GeoReportSchemas.REQUESTS,
                get("/open311/v2/requests.json?status=open&jurisdiction_id=hotline", 200))
                .findValuesAsText("service_request_id")).contains(help, complaint);

        String yesterday = Instant.now().minus(Duration.ofDays(2)).toString();
        String tomorrow = Instant.now().plus(Duration.ofDays(1)).toString();
        assertThat(GeoReportSchemas.valid(GeoReportSchemas.REQUESTS,
                get("/open311/v2/requests.json?start_date=" + yesterday + "&end_date=" + tomorrow, 200))
                .findValuesAsText("service_request_id")).contains(help, complaint);
        assertThat(GeoReportSchemas.valid(GeoReportSchemas.REQUESTS,
                get("/open311/v2/requests.json?end_date=" + yesterday, 200))
                .findValuesAsText("service_request_id")).doesNotContain(help, complaint);
    }

    // ------------------------------------------------------------------ personal data

    @Test
    void thePublicAnswersNeverShowWhoReported() {
        String key = issueKey("Privacy app");
        String id = filedId(key, form("COMPLAINT", "垃圾清运不及时", Map.of("address_string", "幸福路 8 号",
                "attribute[area]", "370602", "first_name", "Lei", "last_name", "Zhangsan-Unique",
                "phone", "13912345678", "email", "reporter.unique@example.org", "device_id", "device-unique-42",
                "account_id", "account-unique-77")));
        awaitRequest(id, request -> true);

        List<String> answers = new ArrayList<>();
        for (String path : List.of("/open311/v2/requests.json", "/open311/v2/requests.xml",
                "/open311/v2/requests/" + id + ".json", "/open311/v2/requests/" + id + ".xml")) {
            answers.add(get(path, 200));
        }
        for (String answer : answers) {
            assertThat(answer).contains(id)
                    .doesNotContain("Zhangsan-Unique").doesNotContain("13912345678").doesNotContain("5678")
                    .doesNotContain("reporter.unique").doesNotContain("device-unique-42")
                    .doesNotContain("account-unique-77")
                    .doesNotContain("first_name").doesNotContain("email").doesNotContain("phone");
        }
        // and the event log holds the reporter sealed, never in the clear
        String log = mongo.findAll(Document.class, "events").map(Document::toJson).collectList().block().toString();
        assertThat(log).contains(id).doesNotContain("reporter.unique@example.org").doesNotContain("13912345678")
                .doesNotContain("Zhangsan-Unique");
        // the hotline's own view masks the person as for any case
        TestAccounts.client(context, "op-o311", "HOTLINE", Role.OPERATOR).get().uri("/api/v1/cases/{id}", id)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.citizen.maskedPhone").isEqualTo("139****5678")
                .jsonPath("$.citizen.email").doesNotExist();
    }

    // ------------------------------------------------------------------ idempotency, keys and rate

    @Test
    void aRetriedPostFindsTheRequestItFiledAndAnIdempotencyKeySeparatesTwins() {
        String key = issueKey("Retry app");
        MultiValueMap<String, String> form = form("SUGGESTION", "建议增设公交站", Map.of("address_string", "南大街",
                "attribute[area]", "370602"));
        String first = filedId(key, form);
        String retried = filedId(key, form);
        assertThat(retried).isEqualTo(first);

        String one = idOf(postWith(key, form, "twin-1"));
        String other = idOf(postWith(key, form, "twin-2"));
        String oneAgain = idOf(postWith(key, form, "twin-1"));
        assertThat(one).isNotEqualTo(other).isNotEqualTo(first).isEqualTo(oneAgain);

        String anotherApp = filedId(issueKey("Another app"), form);
        assertThat(anotherApp).isNotEqualTo(first);
    }

    @Test
    void anAdministratorIssuesAndRevokesKeysAndOnlyAValidKeyFilesRequests() {
        WebTestClient admin = TestAccounts.admin(context);
        Map<String, Object> issued = admin.post().uri("/api/v1/admin/open311/keys")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "FixMyStreet Yantai"))
                .exchange().expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        String keyId = (String) issued.get("keyId");
        String key = (String) issued.get("apiKey");
        assertThat(key).startsWith("o311." + keyId + ".");
        assertThat(issued).containsEntry("issuedBy", "admin");

        String listed = admin.get().uri("/api/v1/admin/open311/keys").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).contains(keyId).contains("FixMyStreet Yantai")
                .doesNotContain(key.substring(key.lastIndexOf('.') + 1)).doesNotContain("secretHash");
        Document stored = mongo.findById(keyId, Document.class, "open311_keys").block();
        assertThat(stored.toJson()).doesNotContain(key.substring(key.lastIndexOf('.') + 1));

        TestAccounts.client(context, "op-keys", "HOTLINE", Role.OPERATOR).post().uri("/api/v1/admin/open311/keys")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "mine"))
                .exchange().expectStatus().isForbidden();
        TestAccounts.anonymous(context).get().uri("/api/v1/admin/open311/keys").exchange()
                .expectStatus().isUnauthorized();
        admin.post().uri("/api/v1/admin/open311/keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "")).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        MultiValueMap<String, String> form = form("HELP", "路灯不亮", Map.of("address_string", "南大街",
                "attribute[area]", "370602"));
        filedId(key, form);

        admin.delete().uri("/api/v1/admin/open311/keys/{id}", keyId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.revokedBy").isEqualTo("admin").jsonPath("$.active").isEqualTo(false);
        refused(post("json", key, form, 403), 403, "api_key");
        refused(post("json", null, form, 403), 403, "api_key");
        refused(post("json", "o311.k0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", form, 403),
                403, "api_key");
        refused(post("json", key.substring(0, key.length() - 1) + "x", form, 403), 403, "api_key");
        admin.delete().uri("/api/v1/admin/open311/keys/k0123456789abcdef").exchange().expectStatus().isNotFound();
    }

    @Test
    void aKeyOverItsRateIsAnswered429UntilItsAllowanceRefills() {
        String key = issueKey("Busy app");
        for (int i = 0; i < RATE; i++) {
            filedId(key, form("HELP", "第 " + i + " 次报告", Map.of("address_string", "南大街", "attribute[area]",
                    "370602")));
        }
        EntityExchangeResult<String> over = formPost("json", key, form("HELP", "one too many",
                Map.of("address_string", "南大街", "attribute[area]", "370602")), null);
        assertThat(over.getStatus().value()).isEqualTo(429);
        assertThat(over.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        refused(over.getResponseBody(), 429, "api_key");
        // another app's allowance is its own
        filedId(issueKey("Quiet app"), form("HELP", "安静的报告", Map.of("address_string", "南大街",
                "attribute[area]", "370602")));
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badInputIsAnsweredAsTheStandardsErrorListNeverA500() {
        // a key of its own for each: refused requests count against an app's rate too
        Supplier<String> key = () -> issueKey("Careless app");
        Map<String, String> place = Map.of("address_string", "南大街", "attribute[area]", "370602");
        refused(post("json", key.get(), form(null, "x", place), 400), 400, "service_code: required");
        refused(post("json", key.get(), form("POTHOLE", "x", place), 400), 400, "service_code: no service");
        refused(post("json", key.get(), form("HELP", null, place), 400), 400, "description: required");
        refused(post("json", key.get(), form("HELP", "x", Map.of("attribute[area]", "370602")), 400), 400, "location");
        refused(post("json", key.get(), form("HELP", "x", Map.of("lat", "37.5", "attribute[area]", "370602")), 400),
                400, "lat, long");
        refused(post("json", key.get(), form("HELP", "x", Map.of("lat", "91", "long", "0", "attribute[area]", "370602")),
                400), 400, "lat: must be a number");
        refused(post("json", key.get(), form("HELP", "x", Map.of("lat", "NaN", "long", "0", "attribute[area]", "370602")),
                400), 400, "lat: must be a number");
        refused(post("json", key.get(), form("HELP", "x", Map.of("address_string", "a", "attribute[area]", "370602",
                "media_url", "javascript:alert(1)")), 400), 400, "media_url");
        refused(post("json", key.get(), form("HELP", "x", Map.of("address_string", "a", "attribute[area]", "370602",
                "email", "not-an-address")), 400), 400, "email");
        refused(post("json", key.get(), form("HELP", "x", Map.of("address_string", "a")), 400), 400, "attribute[area]");
        refused(post("json", key.get(), form("HELP", "x", Map.of("address_string", "a", "attribute[area]", "3706")), 400),
                400, "attribute[area]");
        refused(post("json", key.get(), form("HELP", "x", Map.of("address_string", "a", "attribute[area]", "370602",
                "attribute[colour]", "red")), 400), 400, "attribute[colour]");
        refused(post("json", key.get(), form("HELP", "x", Map.of("address_string", "a", "attribute[area]", "370602",
                "attribute[urgency]", "SOON")), 400), 400, "attribute[urgency]");
        refused(post("json", key.get(), form("HELP", "x", Map.of("address_string", "a", "attribute[area]", "370602",
                "$where", "1")), 400), 400, "not a GeoReport v2 field");
        refused(post("json", key.get(), form("HELP", "x".repeat(4001), place), 400), 400, "description");
        refused(post("json", key.get(), form("HELP", "x", Map.of("address_string", "a\u0000b", "attribute[area]",
                "370602")), 400), 400, "address_string");
        // everything wrong at once is told at once
        JsonNode many = refused(post("json", key.get(), form("POTHOLE", null, Map.of()), 400), 400, "service_code");
        assertThat(many.size()).isGreaterThanOrEqualTo(4);

        String xml = post("xml", key.get(), form(null, "x", place), 400);
        assertThat(XmlAnswers.parse(xml).getTagName()).isEqualTo("errors");
        assertThat(xml).contains("<error><code>400</code><description>service_code: required</description></error>");

        TestAccounts.anonymous(context).post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"service_code\":\"HELP\"}").exchange().expectStatus().isEqualTo(415);
        refused(get("/open311/v2/requests/00000000-0000-0000-0000-000000000000.json", 404), 404, "service_request_id");
        refused(get("/open311/v2/requests/not-an-id.json", 404), 404, "service_request_id");
        JsonNode unknownToken = GeoReportSchemas.read(get("/open311/v2/tokens/20990101-000001.json", 200)).get(0);
        assertThat(unknownToken.path("token").asText()).isEqualTo("20990101-000001");
        assertThat(unknownToken.has("service_request_id")).as("not known (yet): no request id").isFalse();
        refused(get("/open311/v2/services/POTHOLE.json", 404), 404, "service_code");
        refused(get("/open311/v2/services.json?jurisdiction_id=elsewhere", 404), 404, "jurisdiction_id");
        refused(get("/open311/v2/services.html", 404), 404, "format");
        refused(get("/open311/v2/requests.json?start_date=yesterday", 400), 400, "start_date");
        refused(get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400),
                400, "90 days");
        refused(get("/open311/v2/requests.json?status=pending", 400), 400, "status");
        refused(get("/open311/v2/requests.json?service_request_id=%24ne", 400), 400, "service_request_id");
        assertThat(XmlAnswers.parse(get("/open311/v2/requests/not-an-id.xml", 404)).getTagName()).isEqualTo("errors");
    }

    @Test
    void aBrowserCookieNeitherBlocksNorAuthorisesTheFormPost() {
        String key = issueKey("Cookie app");
        EntityExchangeResult<String> withCookie = TestAccounts.anonymous(context).post().uri("/open311/v2/requests.json")
                .header(HttpHeaders.COOKIE, "SESSION=someone-elses-session")
                .header("Sec-Fetch-Site", "cross-site")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(withKey(key, form("HELP", "带着 Cookie 的报告",
                        Map.of("address_string", "南大街", "attribute[area]", "370602")))))
                .exchange().expectBody(String.class).returnResult();
        assertThat(withCookie.getStatus().value()).as(withCookie.getResponseBody()).isEqualTo(200);
        // a signed-in person's cookie or password does not stand in for the key
        refused(TestAccounts.client(context, "op-cookie", "HOTLINE", Role.OPERATOR).post()
                .uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("HELP", "x", Map.of("address_string", "a",
                        "attribute[area]", "370602"))))
                .exchange().expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody(),
                403, "api_key");
    }

    // ------------------------------------------------------------------ helpers

    private String issueKey(String name) {
        Map<String, Object> issued = TestAccounts.admin(context).post().uri("/api/v1/admin/open311/keys")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", name))
                .exchange().expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return (String) issued.get("apiKey");
    }

    static MultiValueMap<String, String> form(String serviceCode, String description, Map<String, String> more) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (serviceCode != null) {
            form.add("service_code", serviceCode);
        }
        if (description != null) {
            form.add("description", description);
        }
        more.forEach(form::add);
        return form;
    }

    private static MultiValueMap<String, String> withKey(String key, MultiValueMap<String, String> form) {
        MultiValueMap<String, String> all = new LinkedMultiValueMap<>();
        form.forEach(all::addAll);
        if (key != null) {
            all.add("api_key", key);
        }
        return all;
    }

    private EntityExchangeResult<String> formPost(String format, String key, MultiValueMap<String, String> form,
                                                  String idempotencyKey) {
        WebTestClient.RequestBodySpec request = TestAccounts.anonymous(context).post()
                .uri("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(BodyInserters.fromFormData(withKey(key, form))).exchange()
                .expectBody(String.class).returnResult();
    }

    private String post(String format, String key, MultiValueMap<String, String> form, int status) {
        EntityExchangeResult<String> result = formPost(format, key, form, null);
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType().toString())
                .startsWith(format.equals("xml") ? "text/xml" : "application/json");
        return result.getResponseBody();
    }

    private String postWith(String key, MultiValueMap<String, String> form, String idempotencyKey) {
        EntityExchangeResult<String> result = formPost("json", key, form, idempotencyKey);
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(200);
        return result.getResponseBody();
    }

    private String filedId(String key, MultiValueMap<String, String> form) {
        return idOf(post("json", key, form, 200));
    }

    private static String idOf(String created) {
        return GeoReportSchemas.validItems(GeoReportSchemas.REQUEST_RESPONSE, created).get(0)
                .path("service_request_id").asText();
    }

    private String get(String path, int status) {
        EntityExchangeResult<String> result = TestAccounts.anonymous(context).get().uri(path).exchange()
                .expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).as(path + ": " + result.getResponseBody()).isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType().toString())
                .startsWith(path.contains(".xml") ? "text/xml" : "application/json");
        return result.getResponseBody();
    }

    /** Asserts the answer is the standard's error list with this status, one description containing the text. */
    private static JsonNode refused(String body, int status, String text) {
        JsonNode errors = GeoReportSchemas.read(body);
        assertThat(errors.isArray()).as(body).isTrue();
        assertThat(errors.findValues("code")).allMatch(code -> code.asInt() == status);
        assertThat(errors.findValuesAsText("description")).as(body).anyMatch(description -> description.contains(text));
        return errors;
    }

    private void act(WebTestClient client, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec spec = client.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        (body == null ? spec.exchange() : spec.bodyValue(body).exchange()).expectStatus().isOk();
    }

    /** The updates of request {@code id} in {@code window}, once there are {@code count} of them. */
    private JsonNode awaitUpdates(String window, String id, int count) {
        return eventually("the updates of " + id + " reach " + count, () -> {
            com.fasterxml.jackson.databind.node.ArrayNode mine =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            GeoReportSchemas.read(get("/open311/v2/servicerequestupdates.json" + window.replace("+", "%2B"), 200))
                    .forEach(update -> {
                        if (update.path("service_request_id").asText().equals(id)) {
                            mine.add(update);
                        }
                    });
            return mine.size() >= count ? mine : null;
        });
    }

    private void awaitCaseStatus(WebTestClient client, String caseId, String status) {
        eventually("case " + caseId + " reaches " + status, () -> {
            String body = client.get().uri("/api/v1/cases/{id}", caseId).exchange().expectBody(String.class)
                    .returnResult().getResponseBody();
            return body != null && body.contains("\"status\":\"" + status + "\"") ? body : null;
        });
    }

    /** The request as the public reads it, once it satisfies {@code until} (the views follow the log shortly). */
    private JsonNode awaitRequest(String id, Predicate<JsonNode> until) {
        return eventually("request " + id + " gets there", () -> {
            EntityExchangeResult<String> result = TestAccounts.anonymous(context).get()
                    .uri("/open311/v2/requests/" + id + ".json").exchange().expectBody(String.class).returnResult();
            if (result.getStatus().value() != 200) {
                return null;
            }
            JsonNode request = GeoReportSchemas.valid(GeoReportSchemas.REQUESTS, result.getResponseBody()).get(0);
            return until.test(request) ? request : null;
        });
    }

    /** What {@code probe} answers once it answers something (the views follow the log shortly), within 30 s. */
    private static <T> T eventually(String what, java.util.function.Supplier<T> probe) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(giveUp)) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("never happened: " + what);
    }
}
