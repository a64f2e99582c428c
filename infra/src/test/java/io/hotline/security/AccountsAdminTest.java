package io.hotline.security;

import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's account desk: the first admin, creating, listing, passwords, disabling, and the edge's checks. */
class AccountsAdminTest extends LocalSignInTest {

    @Test
    void theFirstAdministratorHasThePasswordFromTheProperty() {
        TestAccounts.signedIn(context, "admin", TestAccounts.ADMIN_PASSWORD)
                .get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("admin")
                .jsonPath("$.unit").isEqualTo("HOTLINE")
                .jsonPath("$.roles").isEqualTo(List.of("ADMIN"));
        Document stored = account("admin");
        assertThat(stored.getString("passwordHash")).startsWith("{bcrypt}").doesNotContain(TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void anAccountIsCreatedListedAndReadWithoutItsHash() {
        WebTestClient admin = TestAccounts.admin(context);
        admin.post().uri("/api/v1/admin/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "water-wang", "password", "water-wang-secret-1",
                        "unit", "WATER-01", "roles", List.of("UNIT_HANDLER"), "standInFor", List.of("water-zhao")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/v1/admin/accounts/water-wang")
                .expectBody()
                .jsonPath("$.username").isEqualTo("water-wang")
                .jsonPath("$.unit").isEqualTo("WATER-01")
                .jsonPath("$.roles").isEqualTo(List.of("UNIT_HANDLER"))
                .jsonPath("$.standInFor").isEqualTo(List.of("water-zhao"))
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.createdBy").isEqualTo("admin")
                .jsonPath("$.passwordHash").doesNotExist();

        String list = admin.get().uri("/api/v1/admin/accounts").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).contains("\"water-wang\"").contains("\"admin\"")
                .doesNotContain("passwordHash").doesNotContain("bcrypt").doesNotContain("$2a$");

        admin.get().uri("/api/v1/admin/accounts/water-wang").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.unit").isEqualTo("WATER-01").jsonPath("$.passwordHash").doesNotExist();

        TestAccounts.signedIn(context, "water-wang", "water-wang-secret-1")
                .get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("water-wang")
                .jsonPath("$.unit").isEqualTo("WATER-01")
                .jsonPath("$.roles").isEqualTo(List.of("UNIT_HANDLER"))
                .jsonPath("$.standInFor").isEqualTo(List.of("water-zhao"));
    }

    @Test
    void aTakenNameConflictsAndAnUnknownOneIsNotFound() {
        TestAccounts.client(context, "dup-li", "HOTLINE", Role.OPERATOR);
        WebTestClient admin = TestAccounts.admin(context);
        admin.post().uri("/api/v1/admin/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "dup-li", "password", "another-password-1", "unit", "HOTLINE",
                        "roles", List.of("OPERATOR")))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin.get().uri("/api/v1/admin/accounts/nobody-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin.post().uri("/api/v1/admin/accounts/nobody-here/disable").exchange().expectStatus().isNotFound();
        admin.put().uri("/api/v1/admin/accounts/nobody-here/password")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", "long-enough-password"))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void badInputIsAnsweredWithAProblemNamingTheField() {
        rejected(Map.of("username", "Li Lei!", "password", "long-enough-pass", "unit", "HOTLINE",
                "roles", List.of("OPERATOR")), "username");
        rejected(Map.of("username", "short-pw", "password", "too-short", "unit", "HOTLINE",
                "roles", List.of("OPERATOR")), "password");
        rejected(Map.of("username", "long-pw", "password", "长".repeat(25), "unit", "HOTLINE",
                "roles", List.of("OPERATOR")), "password");
        rejected(Map.of("username", "no-pw", "unit", "HOTLINE", "roles", List.of("OPERATOR")), "password");
        rejected(Map.of("username", "bad-unit", "password", "long-enough-pass", "unit", "water",
                "roles", List.of("OPERATOR")), "unit");
        rejected(Map.of("username", "no-roles", "password", "long-enough-pass", "unit", "HOTLINE",
                "roles", List.of()), "roles");
        rejected(Map.of("username", "bad-role", "password", "long-enough-pass", "unit", "HOTLINE",
                "roles", List.of("KING")), "roles");
        rejected(Map.of("username", "bad-standin", "password", "long-enough-pass", "unit", "HOTLINE",
                "roles", List.of("OPERATOR"), "standInFor", List.of("Not A Name")), "standInFor");
        rejected(Map.of("username", "extra", "password", "long-enough-pass", "unit", "HOTLINE",
                "roles", List.of("OPERATOR"), "passwordHash", "{noop}x"), "passwordHash");
    }

    private void rejected(Map<String, Object> body, String field) {
        String answer = new String(TestAccounts.admin(context).post().uri("/api/v1/admin/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").value(name -> assertThat((String) name).as(body.toString()).startsWith(field))
                .returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(answer).doesNotContain("long-enough-pass").doesNotContain("too-short");
    }

    @Test
    void aNewPasswordReplacesTheOld() {
        TestAccounts.client(context, "pw-chen", "HOTLINE", Role.AUDITOR);
        WebTestClient admin = TestAccounts.admin(context);
        admin.put().uri("/api/v1/admin/accounts/pw-chen/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "short"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        admin.put().uri("/api/v1/admin/accounts/pw-chen/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "a-brand-new-password"))
                .exchange()
                .expectStatus().isNoContent();
        TestAccounts.signedIn(context, "pw-chen", TestAccounts.passwordFor("pw-chen"))
                .get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
        TestAccounts.signedIn(context, "pw-chen", "a-brand-new-password")
                .get().uri("/api/v1/me").exchange().expectStatus().isOk();
        assertThat(account("pw-chen").getString("changedBy")).isEqualTo("admin");
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgain() {
        WebTestClient zhou = TestAccounts.client(context, "off-zhou", "HOTLINE", Role.OPERATOR);
        zhou.get().uri("/api/v1/me").exchange().expectStatus().isOk();
        WebTestClient admin = TestAccounts.admin(context);
        admin.post().uri("/api/v1/admin/accounts/off-zhou/disable").exchange().expectStatus().isNoContent();
        zhou.get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin.get().uri("/api/v1/admin/accounts/off-zhou").exchange()
                .expectBody().jsonPath("$.enabled").isEqualTo(false);
        admin.post().uri("/api/v1/admin/accounts/off-zhou/enable").exchange().expectStatus().isNoContent();
        zhou.get().uri("/api/v1/me").exchange().expectStatus().isOk();
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        TestAccounts.admin(context).post().uri("/api/v1/admin/accounts/admin/disable").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void onlyAnAdministratorReachesTheAccountDesk() {
        TestAccounts.client(context, "sup-he", "HOTLINE", Role.SUPERVISOR)
                .get().uri("/api/v1/admin/accounts").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private Document account(String username) {
        return mongo.getCollection("accounts")
                .flatMap(collection -> Mono.from(collection.find(new Document("_id", username)).first()))
                .block();
    }
}
