package io.hotline.infra.security;

import io.hotline.kernel.common.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

import java.util.Arrays;
import java.util.List;

import static io.hotline.kernel.common.Role.ADMIN;
import static io.hotline.kernel.common.Role.AUDITOR;
import static io.hotline.kernel.common.Role.COORDINATOR;
import static io.hotline.kernel.common.Role.OPERATOR;
import static io.hotline.kernel.common.Role.SUPERVISOR;
import static io.hotline.kernel.common.Role.UNIT_HANDLER;

/**
 * Who may call what, by path and method, checked at the web edge before any request body is read. The command
 * handlers check again with the case in hand (a unit handler acts only on its own unit's cases); this table is
 * the first, coarse gate, and the one place to read when asking "which role may do X".
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

    /** Case actions ({@code POST /api/v1/cases/{id}/...}) and the roles that may take them. */
    static final List<Rule> CASE_ACTIONS = List.of(
            post("/api/v1/cases", OPERATOR),
            action("redirect", OPERATOR),
            action("merge", OPERATOR),
            action("resolve-at-intake", OPERATOR),
            action("dispatch", OPERATOR),
            action("feedback", OPERATOR),
            action("close", OPERATOR),
            action("withdraw", OPERATOR),
            action("sign", UNIT_HANDLER),
            action("objections", UNIT_HANDLER),
            action("transfer", UNIT_HANDLER),
            action("progress", UNIT_HANDLER),
            action("material-requests", UNIT_HANDLER),
            action("extensions", UNIT_HANDLER),
            action("reply", UNIT_HANDLER),
            action("redispatch", OPERATOR, COORDINATOR),
            action("lead-designation", COORDINATOR),
            action("extensions/approval", COORDINATOR),
            action("extensions/rejection", COORDINATOR),
            action("reopen", OPERATOR, COORDINATOR),
            action("supervision", SUPERVISOR),
            action("urging", SUPERVISOR),
            action("personal-data/reveal", OPERATOR, SUPERVISOR, AUDITOR));

    /**
     * The auditors' tools ({@code /api/v1/audit/**}): history, state as of a moment, tamper evidence, exports,
     * bulletins and the access trail are for auditors and supervisors; the whole-log verification job may also be
     * started and watched by an administrator, who runs the store. Anything else under the prefix (a method no
     * rule names) falls through to the closing deny. The handlers check the role again.
     */
    static final List<Rule> AUDIT = List.of(
            new Rule(HttpMethod.GET, "/api/v1/audit/verify", List.of(AUDITOR, SUPERVISOR, ADMIN)),
            post("/api/v1/audit/verify", AUDITOR, SUPERVISOR, ADMIN),
            new Rule(HttpMethod.GET, "/api/v1/audit/**", List.of(AUDITOR, SUPERVISOR)));

    /**
     * Open311 GeoReport v2 ({@code /open311/**}): the discovery document and every read are public, as the
     * standard has them (they show no personal data); filing a request is open to the web edge too, because the
     * app proves itself with its API key, which the handler checks (403 without a valid one). Nothing else under
     * the prefix is open; the keys themselves are issued under {@code /api/v1/admin/}.
     */
    static final List<Rule> OPEN311 = List.of(
            new Rule(HttpMethod.GET, "/open311/discovery.*", List.of()),
            new Rule(HttpMethod.GET, "/open311/v2/**", List.of()),
            post("/open311/v2/requests.*"));

    private AccessRules() {
    }

    /** One line of the table: a method and a path pattern, and the roles any of which suffices. */
    record Rule(HttpMethod method, String pattern, List<Role> roles) {

        String[] roleNames() {
            return roles.stream().map(Role::name).toArray(String[]::new);
        }
    }

    static Rule post(String pattern, Role... roles) {
        return new Rule(HttpMethod.POST, pattern, Arrays.asList(roles));
    }

    static Rule action(String action, Role... roles) {
        return post("/api/v1/cases/*/" + action, roles);
    }

    /** Applies the table to Spring Security's exchange rules. */
    static void apply(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(PUBLIC.toArray(String[]::new)).permitAll();
        for (Rule rule : OPEN311) {
            exchanges.pathMatchers(rule.method(), rule.pattern()).permitAll();
        }
        exchanges.pathMatchers("/open311/**").denyAll();
        exchanges.pathMatchers("/api/v1/admin/**", "/actuator/**").hasRole(ADMIN.name());
        for (Rule rule : CASE_ACTIONS) {
            exchanges.pathMatchers(rule.method(), rule.pattern()).hasAnyRole(rule.roleNames());
        }
        for (Rule rule : AUDIT) {
            exchanges.pathMatchers(rule.method(), rule.pattern()).hasAnyRole(rule.roleNames());
        }
        exchanges.pathMatchers("/api/v1/audit/**").denyAll();
        // Reading is open to every signed-in role: what each may see is scoped by the query handlers.
        exchanges.pathMatchers(HttpMethod.GET, "/api/v1/**").authenticated();
        exchanges.pathMatchers("/api/**").denyAll();
        exchanges.anyExchange().authenticated();
    }
}
