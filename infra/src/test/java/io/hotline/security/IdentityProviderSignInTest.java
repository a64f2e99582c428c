package io.hotline.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code app.security.mode=oidc} without a network: the test plays the identity provider with an RSA key of its
 * own, the app checks tokens with its public half. The roles sit in a nested claim ({@code realm_access.roles},
 * as Keycloak puts them) to show the claim names are configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderSignInTest {

    private static final RSAKey PROVIDER_KEY = rsaKey("provider");
    private static final RSAKey IMPOSTOR_KEY = rsaKey("impostor");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", LocalSignInTest::tempDir);
        registry.add("app.security.mode", () -> "oidc");
        registry.add("app.security.oidc.roles-claim", () -> "realm_access.roles");
    }

    /** Stands in for {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}: the provider's public key. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ProviderKeys {
        @Bean
        ReactiveJwtDecoder jwtDecoder() throws JOSEException {
            return NimbusReactiveJwtDecoder.withPublicKey(PROVIDER_KEY.toRSAPublicKey()).build();
        }
    }

    @Autowired
    ApplicationContext context;

    @Test
    void theRolesUnitAndNameComeFromTheClaims() {
        bearer(token(PROVIDER_KEY, claims -> claims
                .claim("preferred_username", "op-sun")
                .claim("realm_access", Map.of("roles", List.of("operator", "offline_access", "ROLE_AUDITOR")))
                .claim("unit", "hotline")))
                .get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("op-sun")
                .jsonPath("$.unit").isEqualTo("HOTLINE")
                .jsonPath("$.roles").isEqualTo(List.of("OPERATOR", "AUDITOR"));
    }

    @Test
    void withoutAPreferredNameTheSubjectIsTheUser() {
        bearer(token(PROVIDER_KEY, claims -> claims.subject("5f1c-77")
                .claim("realm_access", Map.of("roles", List.of("SUPERVISOR"))).claim("unit", "HOTLINE")))
                .get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("5f1c-77");
    }

    @Test
    void theRoleRulesApplyToTokensAsToAccounts() {
        String operator = token(PROVIDER_KEY, claims -> claims.claim("preferred_username", "op-qian")
                .claim("realm_access", Map.of("roles", List.of("OPERATOR"))).claim("unit", "HOTLINE"));
        String handler = token(PROVIDER_KEY, claims -> claims.claim("preferred_username", "water-qian")
                .claim("realm_access", Map.of("roles", List.of("UNIT_HANDLER"))).claim("unit", "WATER-01"));
        bearer(operator).post().uri("/api/v1/cases")
                .header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"requestId":"call-oidc-1","channel":"APP","category":"SUGGESTION","title":"增设公交站",
                         "content":"建议在新区增设公交站","citizen":{"name":"赵六","phone":"13600136000"},"area":"370602"}
                        """)
                .exchange()
                .expectStatus().isCreated();
        bearer(handler).post().uri("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        bearer(handler).post().uri("/api/v1/cases/some-case/sign")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
    }

    @Test
    void aTokenSignedByAnyoneElseIsRefused() {
        bearer(token(IMPOSTOR_KEY, claims -> claims.claim("preferred_username", "mallory")
                .claim("realm_access", Map.of("roles", List.of("ADMIN"))).claim("unit", "HOTLINE")))
                .get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*invalid_token.*");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        bearer(token(PROVIDER_KEY, claims -> claims.claim("preferred_username", "op-late")
                .claim("realm_access", Map.of("roles", List.of("OPERATOR"))).claim("unit", "HOTLINE")
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(5))))))
                .get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenWithoutAUnitIsRefused() {
        bearer(token(PROVIDER_KEY, claims -> claims.claim("preferred_username", "op-nowhere")
                .claim("realm_access", Map.of("roles", List.of("OPERATOR")))))
                .get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void noTokenIsA401WithABearerChallengeAndPasswordsDoNotWork() {
        TestAccounts.anonymous(context).get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        TestAccounts.signedIn(context, "admin", "any-password-at-all").get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized();
        TestAccounts.anonymous(context).get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void theStandInListComesFromItsClaim() {
        WebTestClient b = bearer(token(PROVIDER_KEY, claims -> claims.claim("preferred_username", "gas-li")
                .claim("realm_access", Map.of("roles", List.of("UNIT_HANDLER"))).claim("unit", "GAS-01")
                .claim("stand_in_for", List.of("gas-zhang"))));
        b.get().uri("/api/v1/me").header("X-Standing-In-For", "gas-zhang").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.standingInFor").isEqualTo("gas-zhang");
        b.get().uri("/api/v1/me").header("X-Standing-In-For", "gas-wu").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void accountsLiveAtTheIdentityProviderSoTheAccountDeskIsClosed() {
        bearer(token(PROVIDER_KEY, claims -> claims.claim("preferred_username", "it-admin")
                .claim("realm_access", Map.of("roles", List.of("ADMIN"))).claim("unit", "HOTLINE")))
                .get().uri("/api/v1/admin/accounts").exchange()
                .expectStatus().isNotFound();
    }

    private WebTestClient bearer(String token) {
        return TestAccounts.anonymous(context).mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }

    private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> content) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("https://sso.example.invalid/realms/city")
                .subject("subject-" + now.toEpochMilli())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        content.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
