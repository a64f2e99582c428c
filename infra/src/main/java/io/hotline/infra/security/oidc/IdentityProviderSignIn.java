package io.hotline.infra.security.oidc;

import io.hotline.infra.security.Refusals;
import io.hotline.infra.security.SecuritySettings;
import io.hotline.infra.security.SignInMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * {@code app.security.mode=oidc}: the city's identity provider (Keycloak, an OIDC-capable unified sign-on, …)
 * signs people in and issues JWTs; this app checks each bearer token's signature and lifetime with the key set
 * Spring Boot configures from {@code spring.security.oauth2.resourceserver.jwt.*} and reads the person from its
 * claims ({@link TokenClaims}). Nothing is stored: no session, no password, so no CSRF token either (a browser
 * never attaches a bearer token by itself).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.security.mode", havingValue = "oidc")
class IdentityProviderSignIn {

    @Bean
    SignInMode bearerTokenSignIn(ObjectProvider<ReactiveJwtDecoder> decoders, SecuritySettings settings,
                                      Refusals refusals) {
        ReactiveJwtDecoder decoder = decoders.getIfAvailable();
        if (decoder == null) {
            throw new IllegalStateException("app.security.mode=oidc needs the identity provider's keys: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri, or public-key-location)");
        }
        TokenClaims claims = new TokenClaims(settings.oidc());
        return http -> {
            http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
            http.csrf(ServerHttpSecurity.CsrfSpec::disable);
            http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable);
            http.formLogin(ServerHttpSecurity.FormLoginSpec::disable);
            http.logout(ServerHttpSecurity.LogoutSpec::disable);
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(refusals)
                    .accessDeniedHandler(refusals)
                    .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(claims)));
        };
    }
}
