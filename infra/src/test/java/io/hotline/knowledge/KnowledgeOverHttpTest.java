package io.hotline.knowledge;

import io.hotline.kernel.common.Role;
import io.hotline.testing.MutableClock;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base over HTTP on the embedded store, with real sign-in: a unit drafts an article, submits it, the
 * knowledge editor publishes it, the operator gets it as a suggestion for a matching title in its area (not in
 * another area, not after its last day), answers a consultation with it, and the figures count it; the operator's
 * flag reaches the owning unit; bad input answers 400 naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(KnowledgeOverHttpTest.PinnedClock.class)
class KnowledgeOverHttpTest {

    /** A Monday, 10:00 in Shanghai. */
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-knowledge").toString();
        registry.add("app.data-dir", () -> dir);
        registry.add("app.knowledge.near-expiry-days", () -> "30");
        TestAccounts.configure(registry);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class PinnedClock {
        @Bean
        @Primary
        MutableClock pinnedClock() {
            return new MutableClock(T0);
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MutableClock clock;

    static Map<String, Object> article(String question, List<String> areas, String from, String until) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        body.put("answer", "计划停水提前24小时公告；抢修一般12小时内恢复供水，可拨打供水热线查询进度。");
        body.put("policyBasis", Map.of("documentName", "城市供水条例", "documentNumber", "国务院令第158号"));
        body.put("category", "CONSULTATION");
        body.put("areas", areas);
        body.put("keywords", List.of("停水", "恢复供水"));
        body.put("synonyms", List.of("没水了"));
        body.put("effectiveFrom", from);
        body.put("effectiveUntil", until);
        return body;
    }

    @Test
    void aUnitsArticlePublishedByTheEditorAnswersAConsultationAtIntakeAndIsCounted() {
        WebTestClient water = TestAccounts.client(context, "wa-sun", "WATER-01", Role.UNIT_HANDLER);
        WebTestClient housing = TestAccounts.client(context, "ho-liu", "HOUSING", Role.UNIT_HANDLER);
        WebTestClient editor = TestAccounts.client(context, "ke-zhou", "HOTLINE", Role.KNOWLEDGE_EDITOR);
        WebTestClient operator = TestAccounts.client(context, "op-li", "HOTLINE", Role.OPERATOR);

        Map<?, ?> drafted = water.post().uri("/api/v1/knowledge/articles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(article("停水了什么时候恢复供水？", List.of("370602"), "2026-01-01", "2026-12-31"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) drafted.get("articleId");
        String path = "/api/v1/knowledge/articles/" + id;

        refused(housing, path + "/submission", null, 403, "NOT_YOUR_ARTICLE");
        post(water, path + "/submission", null);
        refused(water, path + "/approval", null, 403, null);
        post(editor, path + "/approval", null);

        // the operator types a caller's words: the article is offered in its area only
        List<Map<String, Object>> offered = eventually(() -> suggestions(operator, "家里停水了", "370602"),
                found -> !found.isEmpty());
        assertThat(offered.get(0)).containsEntry("articleId", id).containsEntry("articleVersion", 1);
        assertThat(suggestions(operator, "家里停水了", "370611")).isEmpty();
        assertThat(suggestions(operator, "路灯不亮", "370602")).isEmpty();

        // the version is citable on its own
        Map<?, ?> version = operator.get().uri(path + "/versions/1").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) version.get("content")).get("question")).isEqualTo("停水了什么时候恢复供水？");

        // answering from it is resolving at intake with the article recorded; an id without a version is refused
        String caseId = register(operator, "call-k-1", "停水了什么时候恢复");
        operator.post().uri("/api/v1/cases/" + caseId + "/resolve-at-intake").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answer", offered.get(0).get("answer"), "articleId", id))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("ARTICLE_VERSION_REQUIRED");
        post(operator, "/api/v1/cases/" + caseId + "/resolve-at-intake",
                Map.of("answer", offered.get(0).get("answer"), "articleId", id, "articleVersion", 1));
        String unanswered = register(operator, "call-k-2", "居住证怎么办理");
        post(operator, "/api/v1/cases/" + unanswered + "/resolve-at-intake", Map.of("answer", "请到社区服务中心办理"));
        register(operator, "call-k-3", "路灯不亮"); // registered, not answered at intake

        Map<String, Object> figures = eventually(() -> figures(operator),
                found -> ((List<?>) found.get("articles")).size() == 1
                        && ((List<?>) found.get("articlesToWrite")).size() == 1
                        && ((Map<?, ?>) found.get("overall")).get("registered").equals(3));
        assertThat((Map<String, Object>) figures.get("overall"))
                .containsEntry("registered", 3).containsEntry("resolvedAtIntake", 2);
        assertThat((List<Map<String, Object>>) figures.get("articles")).singleElement()
                .satisfies(use -> assertThat(use).containsEntry("articleId", id).containsEntry("uses", 1));
        assertThat((List<Map<String, Object>>) figures.get("articlesToWrite")).singleElement()
                .satisfies(gap -> assertThat(gap).containsEntry("example", "居住证怎么办理"));

        // the operator's flag reaches the owning unit, and only it
        post(operator, path + "/flags", Map.of("articleVersion", 1, "flag", "OUTDATED", "reason", "抢修时限已改为8小时",
                "caseId", caseId));
        List<Map<String, Object>> flags = eventually(() -> list(water, "/api/v1/knowledge/flags"),
                found -> !found.isEmpty());
        assertThat(flags.get(0)).containsEntry("articleId", id).containsEntry("flag", "OUTDATED");
        assertThat(list(housing, "/api/v1/knowledge/flags")).isEmpty();

        // near its last day it is listed for its unit; after it, it is offered no more
        clock.set(Instant.parse("2026-12-15T02:00:00Z"));
        assertThat(list(water, "/api/v1/knowledge/near-expiry")).extracting(view -> view.get("articleId"))
                .containsExactly(id);
        assertThat(list(housing, "/api/v1/knowledge/near-expiry")).isEmpty();
        clock.set(Instant.parse("2027-01-01T02:00:00Z"));
        assertThat(suggestions(operator, "家里停水了", "370602")).isEmpty();
        clock.set(T0);
    }

    @Test
    void aRevisionIsPublishedAsTheNextVersionWhileTheFirstStaysCitable() {
        WebTestClient water = TestAccounts.client(context, "wa-sun", "WATER-01", Role.UNIT_HANDLER);
        WebTestClient editor = TestAccounts.client(context, "ke-zhou", "HOTLINE", Role.KNOWLEDGE_EDITOR);
        WebTestClient operator = TestAccounts.client(context, "op-li", "HOTLINE", Role.OPERATOR);
        String id = (String) water.post().uri("/api/v1/knowledge/articles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(article("水费怎么缴纳？", List.of("3706"), null, null))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("articleId");
        String path = "/api/v1/knowledge/articles/" + id;
        post(water, path + "/submission", null);
        refused(editor, path + "/return", Map.of("reason", " "), 400, null);
        post(editor, path + "/return", Map.of("reason", "请写明缴费渠道"));
        post(water, path + "/draft", article("水费怎么缴纳？有哪些渠道？", List.of("3706"), null, null));
        post(water, path + "/submission", null);
        post(editor, path + "/approval", null);
        post(water, path + "/draft", article("水费可以在网上缴纳吗？", List.of("3706"), null, null));
        post(water, path + "/submission", null);
        post(editor, path + "/approval", null);

        Map<?, ?> second = eventually(() -> operator.get().uri(path + "/versions/2").exchange()
                .returnResult(Map.class).getResponseBody().blockFirst(PATIENCE), found -> found != null
                && found.get("content") != null);
        assertThat(((Map<?, ?>) second.get("content")).get("question")).isEqualTo("水费可以在网上缴纳吗？");
        Map<?, ?> first = operator.get().uri(path + "/versions/1").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) first.get("content")).get("question")).isEqualTo("水费怎么缴纳？有哪些渠道？");
        Map<?, ?> shown = operator.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(shown.get("publishedVersion")).isEqualTo(2);
        assertThat(shown.get("draft")).isNull();

        post(editor, path + "/withdrawal", Map.of("reason", "并入缴费指南"));
        refused(water, path + "/draft", article("x", List.of("3706"), null, null), 409, "ARTICLE_WITHDRAWN");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndTheRule() {
        WebTestClient water = TestAccounts.client(context, "wa-sun", "WATER-01", Role.UNIT_HANDLER);
        WebTestClient operator = TestAccounts.client(context, "op-li", "HOTLINE", Role.OPERATOR);
        water.post().uri("/api/v1/knowledge/articles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(article("停水？", List.of("37060X"), null, null))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("areas[0]");
        water.post().uri("/api/v1/knowledge/articles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(article("停水？", List.of("370602"), "2027-01-01", "2026-01-01"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("PERIOD_REVERSED")
                .jsonPath("$.errors[0].field").isEqualTo("effectiveUntil");
        water.post().uri("/api/v1/knowledge/articles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(article("停水\u0007？", List.of("370602"), null, null))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("question");
        operator.get().uri("/api/v1/knowledge/suggestions?title=停水").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        operator.get().uri("/api/v1/knowledge/suggestions?title=停水&area=3706021").exchange()
                .expectStatus().isBadRequest();
        operator.get().uri("/api/v1/knowledge/articles/no-such-article").exchange().expectStatus().isNotFound();
        operator.post().uri("/api/v1/knowledge/articles/no-such-article/flags").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("articleVersion", 1, "flag", "UNHELPFUL", "reason", "没用"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ARTICLE_NOT_FOUND");
    }

    // ------------------------------------------------------------------ helpers

    private static void post(WebTestClient client, String path, Object body) {
        WebTestClient.RequestBodySpec request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        (body == null ? request : request.bodyValue(body)).exchange().expectStatus().is2xxSuccessful();
    }

    private static void refused(WebTestClient client, String path, Object body, int status, String code) {
        WebTestClient.RequestBodySpec request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        WebTestClient.BodyContentSpec answer = (body == null ? request : request.bodyValue(body)).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (code != null) {
            answer.jsonPath("$.code").isEqualTo(code);
        }
    }

    private static String register(WebTestClient operator, String requestId, String title) {
        Map<String, Object> call = Map.of("requestId", requestId, "channel", "HOTLINE", "category", "CONSULTATION",
                "urgency", "NORMAL", "title", title, "content", title + "，想问一下",
                "citizen", Map.of("name", "张三", "phone", "13800138000"), "area", "370602");
        return (String) operator.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(call)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("caseId");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> suggestions(WebTestClient client, String title, String area) {
        return client.get().uri(uri -> uri.path("/api/v1/knowledge/suggestions").queryParam("title", title)
                        .queryParam("area", area).build())
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(List.class).returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(WebTestClient client) {
        return client.get().uri("/api/v1/knowledge/figures").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static <T> T eventually(Supplier<T> read, Predicate<T> done) {
        Instant until = Instant.now().plus(PATIENCE);
        T last = read.get();
        while (!done.test(last) && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        assertThat(done.test(last)).as("reached in time: " + last).isTrue();
        return last;
    }
}
