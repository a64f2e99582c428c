package io.hotline.infra.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * The part of the web security that depends on where identities come from: local accounts (Basic, the sign-in
 * form, cookie sessions with a CSRF token) or an identity provider (bearer JWTs, no session). Exactly one is
 * active, chosen by {@code app.security.mode}.
 */
public interface SignInMode {

    /** Adds this mode's ways of signing in to the chain; the access rules are added by the caller. */
    void configure(ServerHttpSecurity http);
}
