package io.hotline.infra.security;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.common.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

import java.util.List;

import static io.hotline.kernel.access.Action.*;

/**
 * Which action each route is, checked at the web edge before any request body is read. Who may take an action
 * is not written here: the permission table ({@link Permissions}) says it, for this edge as for the command
 * handlers, which check again with the case in hand (a unit handler acts only on its own unit's cases), the read
 * side and the console.
 *
 * <p>The order matters: the first matching rule wins. Anything under {@code /api/} that no rule names is
 * refused, so a new endpoint is closed until it is added here.
 */
public final class AccessRules {

    /** Open to anyone: health probes, the API description, and the console's static files and sign-in page. */
    static final List<String> PUBLIC = List.of(
            "/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/", "/index.html", "/assets/**", "/login");

    /** Registration and the case actions ({@code POST /api/v1/cases/{id}/...}). */
    static final List<Rule> CASE_ACTIONS = List.of(
            post("/api/v1/cases", REGISTER),
            caseAction("redirect", REDIRECT),
            caseAction("merge", MERGE),
            caseAction("resolve-at-intake", RESOLVE_AT_INTAKE),
            caseAction("dispatch", DISPATCH),
            caseAction("feedback", RECORD_FEEDBACK),
            caseAction("close", CLOSE),
            caseAction("withdraw", WITHDRAW),
            caseAction("sign", SIGN_FOR),
            caseAction("objections", OBJECT),
            caseAction("transfer", TRANSFER),
            caseAction("progress", RECORD_PROGRESS),
            caseAction("material-requests", REQUEST_MATERIALS),
            caseAction("extensions", REQUEST_EXTENSION),
            caseAction("reply", REPLY),
            caseAction("redispatch", REDISPATCH),
            caseAction("lead-designation", DESIGNATE_LEAD_UNIT),
            caseAction("extensions/approval", DECIDE_EXTENSION),
            caseAction("extensions/rejection", DECIDE_EXTENSION),
            caseAction("reopen", REOPEN),
            caseAction("supervision", SUPERVISE),
            caseAction("urging", URGE),
            caseAction("personal-data/reveal", REVEAL_PERSONAL_DATA),
            caseAction("dispatch-down", DISPATCH_DOWN),
            caseAction("take-back", DIRECT_LOWER_LEVEL),
            caseAction("objections/overruling", DIRECT_LOWER_LEVEL),
            caseAction("reply/approval", DIRECT_LOWER_LEVEL),
            caseAction("reply/return", DIRECT_LOWER_LEVEL));

    /**
     * The knowledge base's commands ({@code POST /api/v1/knowledge/articles/...}): a unit's drafts, the editors'
     * review, withdrawal and the operators' flags. Reading articles is reading, open to every signed-in person.
     */
    static final List<Rule> KNOWLEDGE = List.of(
            post("/api/v1/knowledge/articles", PROPOSE_ARTICLE),
            post("/api/v1/knowledge/articles/*/draft", PROPOSE_ARTICLE),
            post("/api/v1/knowledge/articles/*/submission", PROPOSE_ARTICLE),
            post("/api/v1/knowledge/articles/*/approval", REVIEW_ARTICLE),
            post("/api/v1/knowledge/articles/*/return", REVIEW_ARTICLE),
            post("/api/v1/knowledge/articles/*/withdrawal", WITHDRAW_ARTICLE),
            post("/api/v1/knowledge/articles/*/flags", FLAG_ARTICLE));

    /**
     * The auditors' tools ({@code /api/v1/audit/**}): the whole-log verification job, and everything else an
     * auditor reads. Anything else under the prefix (a method no rule names) falls through to the closing deny.
     * The handlers check again.
     */
    static final List<Rule> AUDIT_TOOLS = List.of(
            new Rule(HttpMethod.GET, "/api/v1/audit/verify", VERIFY_LOG),
            post("/api/v1/audit/verify", VERIFY_LOG),
            new Rule(HttpMethod.GET, "/api/v1/audit/**", AUDIT));

    /** The platform's own endpoints, any method: rebuilds, erasures, then everything else an admin runs. */
    static final List<Rule> PLATFORM = List.of(
            new Rule(null, "/api/v1/admin/rebuild/**", REBUILD_READ_MODELS),
            new Rule(null, "/api/v1/admin/privacy/**", ERASE_PERSONAL_DATA),
            new Rule(null, "/api/v1/admin/**", ADMINISTER),
            new Rule(null, "/actuator/**", ADMINISTER));

    /**
     * Open311 GeoReport v2 ({@code /open311/**}): the discovery document and every read are public, as the
     * standard has them (they show no personal data); filing a request is open to the web edge too, because the
     * app proves itself with its API key, which the handler checks (403 without a valid one). Nothing else under
     * the prefix is open; the keys themselves are issued under {@code /api/v1/admin/}.
     */
    static final List<OpenRoute> OPEN311 = List.of(
            new OpenRoute(HttpMethod.GET, "/open311/discovery.*"),
            new OpenRoute(HttpMethod.GET, "/open311/v2/**"),
            new OpenRoute(HttpMethod.POST, "/open311/v2/requests.*"));

    /**
     * The city message platform's inbound SMS ({@code POST /api/v1/notifications/inbound}): open at the edge,
     * because the platform proves itself by the HMAC signature of each call, which the handler checks (400 without
     * one, 401 forged or stale, 409 replayed).
     */
    static final List<OpenRoute> MESSAGE_PLATFORM = List.of(
            new OpenRoute(HttpMethod.POST, "/api/v1/notifications/inbound"));

    /** The operators' workbenches: the call-back list (电话回访) is for those who record the feedback. */
    static final List<Rule> WORKBENCHES = List.of(
            new Rule(HttpMethod.GET, "/api/v1/call-backs", RECORD_FEEDBACK));

    /**
     * The citizens' side, without an account: the tracking page, the look-up of a case by its number and 查询码, and
     * the web evaluation (网上评价). The proof is in the body and checked by the handlers, which ration the
     * attempts per address and per case; a citizen can do nothing else (the case lets its actor only evaluate).
     */
    static final List<OpenRoute> CITIZENS = List.of(
            new OpenRoute(HttpMethod.GET, "/track"),
            new OpenRoute(HttpMethod.POST, "/api/public/v1/track"),
            new OpenRoute(HttpMethod.GET, "/api/public/v1/evaluations/scale"),
            new OpenRoute(HttpMethod.POST, "/api/public/v1/evaluations"));

    private AccessRules() {
    }

    /** One line of the route table: a method (null: any) and a path pattern, and the action they are. */
    record Rule(HttpMethod method, String pattern, Action action) {

        /** The roles the permission table allows the action. */
        String[] roleNames() {
            return Permissions.rolesAllowedTo(action).stream().map(Role::name).toArray(String[]::new);
        }
    }

    /** A route open to anyone, signed in or not. */
    record OpenRoute(HttpMethod method, String pattern) {
    }

    static Rule post(String pattern, Action action) {
        return new Rule(HttpMethod.POST, pattern, action);
    }

    static Rule caseAction(String path, Action action) {
        return post("/api/v1/cases/*/" + path, action);
    }

    /** Applies the table to Spring Security's exchange rules. */
    static void apply(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(PUBLIC.toArray(String[]::new)).permitAll();
        for (OpenRoute route : OPEN311) {
            exchanges.pathMatchers(route.method(), route.pattern()).permitAll();
        }
        exchanges.pathMatchers("/open311/**").denyAll();
        for (OpenRoute route : MESSAGE_PLATFORM) {
            exchanges.pathMatchers(route.method(), route.pattern()).permitAll();
        }
        for (OpenRoute route : CITIZENS) {
            exchanges.pathMatchers(route.method(), route.pattern()).permitAll();
        }
        for (List<Rule> rules : List.of(PLATFORM, CASE_ACTIONS, AUDIT_TOOLS, WORKBENCHES, KNOWLEDGE)) {
            for (Rule rule : rules) {
                (rule.method() == null
                        ? exchanges.pathMatchers(rule.pattern())
                        : exchanges.pathMatchers(rule.method(), rule.pattern())).hasAnyRole(rule.roleNames());
            }
        }
        exchanges.pathMatchers("/api/v1/audit/**").denyAll();
        // Reading (READ_CASES) is open to every signed-in person: what each may see is scoped by the read side,
        // by the permission table's unit rule.
        exchanges.pathMatchers(HttpMethod.GET, "/api/v1/**").authenticated();
        exchanges.pathMatchers("/api/**").denyAll();
        exchanges.anyExchange().authenticated();
    }
}
