package io.hotline.security;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.bson.Document;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.hotline.kernel.common.Role.ADMIN;
import static io.hotline.kernel.common.Role.AUDITOR;
import static io.hotline.kernel.common.Role.COORDINATOR;
import static io.hotline.kernel.common.Role.KNOWLEDGE_EDITOR;
import static io.hotline.kernel.common.Role.OPERATOR;
import static io.hotline.kernel.common.Role.SUPERVISOR;
import static io.hotline.kernel.common.Role.UNIT_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the app, called by nobody and by each role. "Allowed" means the security edge lets the request
 * through: the answer is anything but 401/403 (often 400 for the empty body, or 404 for the made-up case).
 * Refused means 401 problem+json with a Basic challenge for nobody, 403 problem+json for a role.
 * <p>
 * Who may do what is written here a second time, in {@link #MATRIX}, independently of the app's permission table
 * ({@link Permissions}): the two must agree, and each route's row must agree with the edge. The rows are compared
 * with the app's real routes (its handler mappings and router functions): a route without a row fails, and so
 * does a row without a route. To cover a new endpoint, add one line to {@link #TABLE}.
 */
class RoleMatrixTest extends LocalSignInTest {

    private static final String CASE = "/api/v1/cases/no-such-case";
    private static final String ARTICLE_ROOT = "/api/v1/knowledge/articles";
    private static final String ARTICLE = ARTICLE_ROOT + "/no-such-article";
    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> NO_ROLE = Set.of();

    /** The rules as this test states them: for each action, the roles that may take it. */
    static final Map<Action, Set<Role>> MATRIX = new EnumMap<>(Map.ofEntries(
            Map.entry(Action.REGISTER, EnumSet.of(OPERATOR)),
            Map.entry(Action.REDIRECT, EnumSet.of(OPERATOR)),
            Map.entry(Action.MERGE, EnumSet.of(OPERATOR)),
            Map.entry(Action.RESOLVE_AT_INTAKE, EnumSet.of(OPERATOR)),
            Map.entry(Action.DISPATCH, EnumSet.of(OPERATOR)),
            Map.entry(Action.REDISPATCH, EnumSet.of(OPERATOR, COORDINATOR)),
            Map.entry(Action.DESIGNATE_LEAD_UNIT, EnumSet.of(COORDINATOR)),
            Map.entry(Action.SIGN_FOR, EnumSet.of(UNIT_HANDLER)),
            Map.entry(Action.OBJECT, EnumSet.of(UNIT_HANDLER)),
            Map.entry(Action.TRANSFER, EnumSet.of(UNIT_HANDLER)),
            Map.entry(Action.DISPATCH_DOWN, EnumSet.of(UNIT_HANDLER)),
            Map.entry(Action.DIRECT_LOWER_LEVEL, EnumSet.of(UNIT_HANDLER)),
            Map.entry(Action.RECORD_PROGRESS, EnumSet.of(UNIT_HANDLER)),
            Map.entry(Action.REQUEST_MATERIALS, EnumSet.of(UNIT_HANDLER)),
            Map.entry(Action.REQUEST_EXTENSION, EnumSet.of(UNIT_HANDLER)),
            Map.entry(Action.DECIDE_EXTENSION, EnumSet.of(COORDINATOR)),
            Map.entry(Action.REPLY, EnumSet.of(UNIT_HANDLER)),
            Map.entry(Action.RECORD_FEEDBACK, EnumSet.of(OPERATOR)),
            Map.entry(Action.REOPEN, EnumSet.of(OPERATOR, COORDINATOR)),
            Map.entry(Action.CLOSE, EnumSet.of(OPERATOR)),
            Map.entry(Action.WITHDRAW, EnumSet.of(OPERATOR)),
            Map.entry(Action.SUPERVISE, EnumSet.of(SUPERVISOR)),
            Map.entry(Action.URGE, EnumSet.of(SUPERVISOR)),
            Map.entry(Action.REVEAL_PERSONAL_DATA, EnumSet.of(OPERATOR, SUPERVISOR, AUDITOR)),
            Map.entry(Action.ERASE_PERSONAL_DATA, EnumSet.of(ADMIN)),
            Map.entry(Action.READ_CASES, EVERY_ROLE),
            Map.entry(Action.AUDIT, EnumSet.of(AUDITOR, SUPERVISOR)),
            Map.entry(Action.VERIFY_LOG, EnumSet.of(AUDITOR, SUPERVISOR, ADMIN)),
            Map.entry(Action.REBUILD_READ_MODELS, EnumSet.of(ADMIN)),
            Map.entry(Action.ADMINISTER, EnumSet.of(ADMIN)),
            Map.entry(Action.PROPOSE_ARTICLE, EnumSet.of(UNIT_HANDLER)),
            Map.entry(Action.REVIEW_ARTICLE, EnumSet.of(KNOWLEDGE_EDITOR)),
            Map.entry(Action.WITHDRAW_ARTICLE, EnumSet.of(UNIT_HANDLER, KNOWLEDGE_EDITOR)),
            Map.entry(Action.FLAG_ARTICLE, EnumSet.of(OPERATOR))));

    /**
     * What the edge must allow: method, path, and the roles allowed (null: open to anyone, signed in or not).
     * A stream is only called by nobody: an allowed call would not end.
     */
    record Endpoint(HttpMethod method, String path, Set<Role> allowed, boolean stream) {

        boolean isPublic() {
            return allowed == null;
        }

        String pathOnly() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> TABLE = List.of(
            post("/api/v1/cases", Action.REGISTER),
            post(CASE + "/redirect", Action.REDIRECT),
            post(CASE + "/merge", Action.MERGE),
            post(CASE + "/resolve-at-intake", Action.RESOLVE_AT_INTAKE),
            post(CASE + "/dispatch", Action.DISPATCH),
            post(CASE + "/feedback", Action.RECORD_FEEDBACK),
            post(CASE + "/close", Action.CLOSE),
            post(CASE + "/withdraw", Action.WITHDRAW),
            post(CASE + "/sign", Action.SIGN_FOR),
            post(CASE + "/objections", Action.OBJECT),
            post(CASE + "/transfer", Action.TRANSFER),
            post(CASE + "/dispatch-down", Action.DISPATCH_DOWN),
            post(CASE + "/take-back", Action.DIRECT_LOWER_LEVEL),
            post(CASE + "/objections/overruling", Action.DIRECT_LOWER_LEVEL),
            post(CASE + "/reply/approval", Action.DIRECT_LOWER_LEVEL),
            post(CASE + "/reply/return", Action.DIRECT_LOWER_LEVEL),
            post(CASE + "/progress", Action.RECORD_PROGRESS),
            post(CASE + "/material-requests", Action.REQUEST_MATERIALS),
            post(CASE + "/extensions", Action.REQUEST_EXTENSION),
            post(CASE + "/reply", Action.REPLY),
            post(CASE + "/redispatch", Action.REDISPATCH),
            post(CASE + "/lead-designation", Action.DESIGNATE_LEAD_UNIT),
            post(CASE + "/extensions/approval", Action.DECIDE_EXTENSION),
            post(CASE + "/extensions/rejection", Action.DECIDE_EXTENSION),
            post(CASE + "/reopen", Action.REOPEN),
            post(CASE + "/supervision", Action.SUPERVISE),
            post(CASE + "/urging", Action.URGE),
            post(CASE + "/personal-data/reveal", Action.REVEAL_PERSONAL_DATA),
            get(CASE, Action.READ_CASES),
            get("/api/v1/cases", Action.READ_CASES),
            get("/api/v1/cases/duplicates?title=%E8%B7%AF%E7%81%AF", Action.READ_CASES),
            get("/api/v1/inbox?unit=WATER-01", Action.READ_CASES),
            get("/api/v1/notifications/figures", Action.READ_CASES),
            stream("/api/v1/inbox/stream?unit=WATER-01"),
            stream(CASE + "/stream"),
            get("/api/v1/metrics/summary", Action.READ_CASES),
            get("/api/v1/metrics/series", Action.READ_CASES),
            get("/api/v1/metrics/ranking", Action.READ_CASES),
            stream("/api/v1/metrics/stream"),
            get("/api/v1/me", Action.READ_CASES),
            get("/api/v1/call-backs", Action.RECORD_FEEDBACK),
            get("/api/v1/dispatch-catalogue/proposal?category=HELP&area=370602", Action.READ_CASES),
            post(ARTICLE_ROOT, Action.PROPOSE_ARTICLE),
            post(ARTICLE + "/draft", Action.PROPOSE_ARTICLE),
            post(ARTICLE + "/submission", Action.PROPOSE_ARTICLE),
            post(ARTICLE + "/approval", Action.REVIEW_ARTICLE),
            post(ARTICLE + "/return", Action.REVIEW_ARTICLE),
            post(ARTICLE + "/withdrawal", Action.WITHDRAW_ARTICLE),
            post(ARTICLE + "/flags", Action.FLAG_ARTICLE),
            get(ARTICLE_ROOT, Action.READ_CASES),
            get(ARTICLE, Action.READ_CASES),
            get(ARTICLE + "/versions/1", Action.READ_CASES),
            get("/api/v1/knowledge/suggestions?title=停水&area=370602", Action.READ_CASES),
            get("/api/v1/knowledge/near-expiry", Action.READ_CASES),
            get("/api/v1/knowledge/flags", Action.READ_CASES),
            get("/api/v1/knowledge/figures", Action.READ_CASES),
            get("/api/v1/audit/cases/no-such-case/history", Action.AUDIT),
            get("/api/v1/audit/cases/no-such-case/as-of?version=0", Action.AUDIT),
            get("/api/v1/audit/cases/no-such-case/verify", Action.AUDIT),
            get("/api/v1/audit/cases/no-such-case/history/export.json", Action.AUDIT),
            get("/api/v1/audit/cases/no-such-case/history/export.html", Action.AUDIT),
            get("/api/v1/audit/bulletins/units.csv", Action.AUDIT),
            get("/api/v1/audit/bulletins/units.html", Action.AUDIT),
            get("/api/v1/audit/access-trail", Action.AUDIT),
            get("/api/v1/audit/access-denials", Action.AUDIT),
            get("/api/v1/audit/verify", Action.VERIFY_LOG),
            post("/api/v1/audit/verify", Action.VERIFY_LOG),
            get("/api/v1/admin/rebuild/no-such-model", Action.REBUILD_READ_MODELS),
            post("/api/v1/admin/rebuild/no-such-model", Action.REBUILD_READ_MODELS),
            get("/api/v1/units", Action.READ_CASES),
            get("/api/v1/units/HOTLINE", Action.READ_CASES),
            post("/api/v1/admin/units", Action.ADMINISTER),
            post("/api/v1/admin/units/import", Action.ADMINISTER),
            post("/api/v1/admin/units/demo-directory", Action.ADMINISTER),
            post("/api/v1/admin/units/NOBODY/rename", Action.ADMINISTER),
            post("/api/v1/admin/units/NOBODY/move", Action.ADMINISTER),
            post("/api/v1/admin/units/NOBODY/retire", Action.ADMINISTER),
            get("/api/v1/admin/units/catalogue-problems", Action.ADMINISTER),
            get("/api/v1/admin/accounts", Action.ADMINISTER),
            get("/api/v1/admin/accounts/admin", Action.ADMINISTER),
            post("/api/v1/admin/accounts", Action.ADMINISTER),
            new Endpoint(HttpMethod.PUT, "/api/v1/admin/accounts/nobody/password", MATRIX.get(Action.ADMINISTER), false),
            post("/api/v1/admin/accounts/nobody/disable", Action.ADMINISTER),
            post("/api/v1/admin/accounts/nobody/enable", Action.ADMINISTER),
            post("/api/v1/admin/privacy/erasures", Action.ERASE_PERSONAL_DATA),
            get("/api/v1/admin/privacy/erasures", Action.ERASE_PERSONAL_DATA),
            get("/api/v1/admin/privacy/erasures/no-such-erasure", Action.ERASE_PERSONAL_DATA),
            get("/api/v1/admin/open311/keys", Action.ADMINISTER),
            post("/api/v1/admin/open311/keys", Action.ADMINISTER),
            get("/api/v1/admin/open311/keys/k0000000000000000", Action.ADMINISTER),
            new Endpoint(HttpMethod.DELETE, "/api/v1/admin/open311/keys/k0000000000000000",
                    MATRIX.get(Action.ADMINISTER), false),
            open(HttpMethod.GET, "/open311/discovery.json"),
            open(HttpMethod.GET, "/open311/v2/services.xml"),
            open(HttpMethod.GET, "/open311/v2/services/COMPLAINT.json"),
            open(HttpMethod.GET, "/open311/v2/requests.json"),
            open(HttpMethod.GET, "/open311/v2/requests/00000000-0000-0000-0000-000000000000.json"),
            open(HttpMethod.GET, "/open311/v2/tokens/20261122-000001.json"),
            open(HttpMethod.GET, "/open311/v2/servicerequestupdates.json"),
            open(HttpMethod.POST, "/open311/v2/requests.json"),
            open(HttpMethod.POST, "/api/v1/notifications/inbound"),
            get("/actuator", Action.ADMINISTER),
            get("/actuator/prometheus", Action.ADMINISTER),
            get("/actuator/metrics", Action.ADMINISTER),
            get("/actuator/metrics/jvm.memory.used", Action.ADMINISTER),
            get("/actuator/info", Action.ADMINISTER),
            open(HttpMethod.GET, "/actuator/health"),
            open(HttpMethod.GET, "/actuator/health/liveness"),
            open(HttpMethod.GET, "/v3/api-docs"),
            open(HttpMethod.GET, "/v3/api-docs/swagger-config"),
            open(HttpMethod.GET, "/swagger-ui.html"),
            // no rule names it: the closing rule lets anyone signed in read it
            new Endpoint(HttpMethod.GET, "/v3/api-docs.yaml", EVERY_ROLE, false),
            open(HttpMethod.GET, "/"),
            open(HttpMethod.GET, "/index.html"),
            open(HttpMethod.GET, "/login"),
            // the citizens' side, without an account: the proof (case number and 查询码) is in the body
            open(HttpMethod.GET, "/track"),
            open(HttpMethod.POST, "/api/public/v1/track"),
            open(HttpMethod.GET, "/api/public/v1/evaluations/scale"),
            open(HttpMethod.POST, "/api/public/v1/evaluations"));

    /**
     * Not routes: methods and paths no rule names, which the edge must close to everyone (a new endpoint is closed
     * until the table names it).
     */
    static final List<Endpoint> CLOSED = List.of(
            closed(HttpMethod.PUT, CASE),
            closed(HttpMethod.DELETE, CASE),
            closed(HttpMethod.POST, CASE + "/no-such-action"),
            closed(HttpMethod.POST, CASE + "/extensions/approval/again"),
            closed(HttpMethod.POST, "/api/v2/cases"),
            closed(HttpMethod.POST, "/api/v1/audit/cases/no-such-case/history"),
            closed(HttpMethod.POST, "/open311/v2/services.json"),
            closed(HttpMethod.DELETE, "/open311/v2/requests.json"),
            closed(HttpMethod.GET, "/api/public/v1/track"),
            closed(HttpMethod.DELETE, "/api/public/v1/evaluations"),
            closed(HttpMethod.POST, "/api/public/v1/cases"),
            closed(HttpMethod.POST, ARTICLE + "/no-such-action"),
            closed(HttpMethod.DELETE, ARTICLE));

    /** Spring Boot's test support turns metric export off, so this route exists in the app but not in a test. */
    private static final Set<String> EXPORTED_OUTSIDE_TESTS = Set.of("GET /actuator/prometheus");

    @Test
    void theTestsMatrixIsTheAppsPermissionTable() {
        for (Action action : Action.values()) {
            assertThat(Permissions.rolesAllowedTo(action)).as(action.name()).isEqualTo(MATRIX.get(action));
        }
    }

    @Test
    void everyRouteOfTheAppHasARowAndEveryRowARoute() {
        List<Routes.Route> routes = Routes.of(context);
        List<String> withoutRow = routes.stream()
                .filter(route -> TABLE.stream().noneMatch(row -> route.matches(row.method(), row.pathOnly())))
                .map(Routes.Route::toString).toList();
        List<String> withoutRoute = TABLE.stream()
                .filter(row -> routes.stream().noneMatch(route -> route.matches(row.method(), row.pathOnly())))
                .map(Endpoint::toString).filter(row -> !EXPORTED_OUTSIDE_TESTS.contains(row)).toList();
        assertThat(withoutRow).as("routes without a row in the matrix").isEmpty();
        assertThat(withoutRoute).as("rows for endpoints the app does not have").isEmpty();
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointWithEveryRole() {
        return Stream.concat(TABLE.stream(), CLOSED.stream()).map(endpoint -> {
            List<DynamicTest> calls = new ArrayList<>();
            calls.add(DynamicTest.dynamicTest("nobody", () -> check(endpoint, null)));
            for (Role role : endpoint.stream() ? new Role[0] : Role.values()) {
                calls.add(DynamicTest.dynamicTest(role.name(), () -> check(endpoint, role)));
            }
            return DynamicContainer.dynamicContainer(endpoint.toString(), calls);
        });
    }

    private final Map<Role, WebTestClient> callers = new EnumMap<>(Role.class);

    private void check(Endpoint endpoint, Role role) {
        WebTestClient client = role == null ? TestAccounts.anonymous(context) : caller(role);
        EntityExchangeResult<String> result = call(client, endpoint);
        int status = result.getStatus().value();
        boolean allowed = endpoint.isPublic() || role != null && endpoint.allowed().contains(role);
        String what = endpoint + " as " + (role == null ? "nobody" : role);
        if (allowed) {
            assertThat(status).as(what + " must get through the edge: " + result.getResponseBody())
                    .isNotIn(401, 403);
            return;
        }
        assertThat(status).as(what).isEqualTo(role == null ? 401 : 403);
        assertThat(result.getResponseHeaders().getContentType()).as(what)
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponseBody()).as(what).contains("\"status\":" + status);
        if (role == null) {
            assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(what).startsWith("Basic");
        }
    }

    @Test
    void aRefusalIsLoggedWithWhoMethodAndPathButNothingTheyWrote() {
        String path = "/api/v1/cases/denial-probe/supervision";
        WebTestClient operator = caller(OPERATOR);
        operator.post().uri(path + "?phone=13800138000")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"张三 13800138000\"}")
                .exchange()
                .expectStatus().isForbidden();
        TestAccounts.anonymous(context).post().uri(path).exchange().expectStatus().isUnauthorized();

        List<Document> denials = mongo.getCollection("access_denials")
                .flatMapMany(collection -> collection.find(new Document("path", path)))
                .collectList().block();
        assertThat(denials).hasSize(2);
        Document forbidden = denials.stream().filter(d -> d.getInteger("status") == 403).findFirst().orElseThrow();
        assertThat(forbidden.getString("username")).isEqualTo(username(OPERATOR));
        assertThat(forbidden.getString("method")).isEqualTo("POST");
        assertThat(forbidden.get("at")).isNotNull();
        Document unauthorized = denials.stream().filter(d -> d.getInteger("status") == 401).findFirst().orElseThrow();
        assertThat(unauthorized.getString("username")).isNull();
        assertThat(denials.toString()).doesNotContain("13800138000").doesNotContain("张三");
    }

    @Test
    void wrongCredentialsAreRefusedAndTheAttemptedNameRecorded() {
        TestAccounts.signedIn(context, "nosuchuser", "wrong-password-1234")
                .get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic.*");
        Document denial = mongo.getCollection("access_denials")
                .flatMapMany(collection -> collection.find(new Document("username", "nosuchuser")))
                .blockFirst();
        assertThat(denial).isNotNull();
        assertThat(denial.getInteger("status")).isEqualTo(401);
    }

    private static EntityExchangeResult<String> call(WebTestClient client, Endpoint endpoint) {
        WebTestClient.RequestBodySpec request = client.method(endpoint.method()).uri(endpoint.path());
        WebTestClient.RequestHeadersSpec<?> ready = endpoint.method() == HttpMethod.GET
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        return ready.exchange().expectBody(String.class).returnResult();
    }

    private WebTestClient caller(Role role) {
        return callers.computeIfAbsent(role,
                r -> TestAccounts.client(context, username(r), r == UNIT_HANDLER ? "WATER-01" : "HOTLINE", r));
    }

    private static String username(Role role) {
        return "matrix-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Endpoint post(String path, Action action) {
        return new Endpoint(HttpMethod.POST, path, MATRIX.get(action), false);
    }

    private static Endpoint get(String path, Action action) {
        return new Endpoint(HttpMethod.GET, path, MATRIX.get(action), false);
    }

    private static Endpoint stream(String path) {
        return new Endpoint(HttpMethod.GET, path, MATRIX.get(Action.READ_CASES), true);
    }

    private static Endpoint open(HttpMethod method, String path) {
        return new Endpoint(method, path, null, false);
    }

    private static Endpoint closed(HttpMethod method, String path) {
        return new Endpoint(method, path, NO_ROLE, false);
    }
}
