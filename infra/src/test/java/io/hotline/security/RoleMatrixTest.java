package io.hotline.security;

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
import static io.hotline.kernel.common.Role.OPERATOR;
import static io.hotline.kernel.common.Role.SUPERVISOR;
import static io.hotline.kernel.common.Role.UNIT_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the hotline has or will have, called by nobody and by each role. "Allowed" means the security
 * edge lets the request through: the answer is anything but 401/403 (often 400 for the empty body, or 404 for
 * an endpoint not built yet). Refused means 401 problem+json with a Basic challenge for nobody, 403
 * problem+json for a role. To cover a new endpoint, add one line to {@link #TABLE}.
 */
class RoleMatrixTest extends LocalSignInTest {

    private static final String CASE = "/api/v1/cases/no-such-case";
    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

    /** What the edge must allow: method, path, and the roles allowed (null: open to anyone, signed in or not). */
    record Endpoint(HttpMethod method, String path, Set<Role> allowed) {

        boolean isPublic() {
            return allowed == null;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> TABLE = List.of(
            post("/api/v1/cases", OPERATOR),
            post(CASE + "/redirect", OPERATOR),
            post(CASE + "/merge", OPERATOR),
            post(CASE + "/resolve-at-intake", OPERATOR),
            post(CASE + "/dispatch", OPERATOR),
            post(CASE + "/feedback", OPERATOR),
            post(CASE + "/close", OPERATOR),
            post(CASE + "/withdraw", OPERATOR),
            post(CASE + "/sign", UNIT_HANDLER),
            post(CASE + "/objections", UNIT_HANDLER),
            post(CASE + "/transfer", UNIT_HANDLER),
            post(CASE + "/progress", UNIT_HANDLER),
            post(CASE + "/material-requests", UNIT_HANDLER),
            post(CASE + "/extensions", UNIT_HANDLER),
            post(CASE + "/reply", UNIT_HANDLER),
            post(CASE + "/redispatch", OPERATOR, COORDINATOR),
            post(CASE + "/lead-designation", COORDINATOR),
            post(CASE + "/extensions/approval", COORDINATOR),
            post(CASE + "/extensions/rejection", COORDINATOR),
            post(CASE + "/reopen", OPERATOR, COORDINATOR),
            post(CASE + "/supervision", SUPERVISOR),
            post(CASE + "/urging", SUPERVISOR),
            post(CASE + "/personal-data/reveal", OPERATOR, SUPERVISOR, AUDITOR),
            get(CASE, EVERY_ROLE),
            get("/api/v1/cases", EVERY_ROLE),
            get(CASE + "/history", EVERY_ROLE),
            get("/api/v1/figures/units", EVERY_ROLE),
            get("/api/v1/me", EVERY_ROLE),
            get("/api/v1/audit/cases/no-such-case/history", Set.of(AUDITOR, SUPERVISOR)),
            get("/api/v1/audit/cases/no-such-case/as-of?version=0", Set.of(AUDITOR, SUPERVISOR)),
            get("/api/v1/audit/cases/no-such-case/verify", Set.of(AUDITOR, SUPERVISOR)),
            get("/api/v1/audit/cases/no-such-case/history/export.json", Set.of(AUDITOR, SUPERVISOR)),
            get("/api/v1/audit/cases/no-such-case/history/export.html", Set.of(AUDITOR, SUPERVISOR)),
            get("/api/v1/audit/bulletins/units.csv", Set.of(AUDITOR, SUPERVISOR)),
            get("/api/v1/audit/bulletins/units.html", Set.of(AUDITOR, SUPERVISOR)),
            get("/api/v1/audit/access-trail", Set.of(AUDITOR, SUPERVISOR)),
            get("/api/v1/audit/access-denials", Set.of(AUDITOR, SUPERVISOR)),
            get("/api/v1/audit/verify", Set.of(AUDITOR, SUPERVISOR, ADMIN)),
            post("/api/v1/audit/verify", AUDITOR, SUPERVISOR, ADMIN),
            post("/api/v1/audit/cases/no-such-case/history"),
            get("/api/v1/dispatch-catalogue/proposal?category=HELP&area=370602", EVERY_ROLE),
            get("/api/v1/admin/accounts", Set.of(ADMIN)),
            get("/api/v1/admin/accounts/admin", Set.of(ADMIN)),
            post("/api/v1/admin/accounts", ADMIN),
            new Endpoint(HttpMethod.PUT, "/api/v1/admin/accounts/nobody/password", Set.of(ADMIN)),
            post("/api/v1/admin/accounts/nobody/disable", ADMIN),
            post("/api/v1/admin/accounts/nobody/enable", ADMIN),
            post("/api/v1/admin/privacy/erasures", ADMIN),
            get("/api/v1/admin/privacy/erasures", Set.of(ADMIN)),
            get("/api/v1/admin/open311/keys", Set.of(ADMIN)),
            post("/api/v1/admin/open311/keys", ADMIN),
            new Endpoint(HttpMethod.DELETE, "/api/v1/admin/open311/keys/k0000000000000000", Set.of(ADMIN)),
            get("/open311/discovery.json", null),
            get("/open311/v2/services.xml", null),
            get("/open311/v2/services/COMPLAINT.json", null),
            get("/open311/v2/requests.json", null),
            get("/open311/v2/requests/00000000-0000-0000-0000-000000000000.json", null),
            get("/open311/v2/tokens/20261122-000001.json", null),
            new Endpoint(HttpMethod.POST, "/open311/v2/requests.json", null),
            post("/open311/v2/services.json"),
            new Endpoint(HttpMethod.DELETE, "/open311/v2/requests.json", Set.of()),
            get("/actuator/prometheus", Set.of(ADMIN)),
            get("/actuator/metrics", Set.of(ADMIN)),
            get("/actuator/health", null),
            get("/actuator/health/liveness", null),
            get("/v3/api-docs", null),
            // nobody: methods and paths no rule names
            new Endpoint(HttpMethod.PUT, CASE, Set.of()),
            new Endpoint(HttpMethod.DELETE, CASE, Set.of()),
            post(CASE + "/no-such-action"),
            post(CASE + "/extensions/approval/again"),
            post("/api/v2/cases"),
            new Endpoint(HttpMethod.DELETE, "/api/v1/admin/accounts/admin", Set.of(ADMIN)));

    private final Map<Role, WebTestClient> callers = new EnumMap<>(Role.class);

    @TestFactory
    Stream<DynamicContainer> everyEndpointWithEveryRole() {
        return TABLE.stream().map(endpoint -> {
            List<DynamicTest> calls = new ArrayList<>();
            calls.add(DynamicTest.dynamicTest("nobody", () -> check(endpoint, null)));
            for (Role role : Role.values()) {
                calls.add(DynamicTest.dynamicTest(role.name(), () -> check(endpoint, role)));
            }
            return DynamicContainer.dynamicContainer(endpoint.toString(), calls);
        });
    }

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

    private static Endpoint post(String path, Role... roles) {
        return new Endpoint(HttpMethod.POST, path, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }

    private static Endpoint get(String path, Set<Role> roles) {
        return new Endpoint(HttpMethod.GET, path, roles);
    }
}
