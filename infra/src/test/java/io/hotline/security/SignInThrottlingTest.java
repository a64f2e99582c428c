package io.hotline.security;

import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.web.reactive.function.BodyInserters;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force against a password: after ten wrong passwords in a row the next attempts, the right password
 * included, are answered 429 with {@code Retry-After}, through HTTP Basic and the sign-in form alike; every throttling
 * is recorded for the auditors and counted. An app of its own: the throttled address (this test's) must not refuse
 * the sign-ins of other test classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInThrottlingTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", LocalSignInTest::tempDir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void tenWrongPasswordsThenEvenTheRightOneWaits() {
        TestAccounts.client(context, "op-guessed", "HOTLINE", Role.OPERATOR);
        WebTestClient wrong = TestAccounts.signedIn(context, "op-guessed", "not-the-password-1");
        for (int i = 0; i < 10; i++) {
            wrong.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
        }

        EntityExchangeResult<byte[]> throttled = wrong.get().uri("/api/v1/me").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult();
        long retryAfter = Long.parseLong(throttled.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        TestAccounts.signedIn(context, "op-guessed", TestAccounts.passwordFor("op-guessed"))
                .get().uri("/api/v1/me").exchange()
                .expectStatus().isEqualTo(429);
        WebTestClient browser = TestAccounts.anonymous(context);
        String xsrf = browser.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        browser.post().uri("/login").cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "op-guessed")
                        .with("password", TestAccounts.passwordFor("op-guessed")))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        TestAccounts.anonymous(context).get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized(); // no credentials: not a sign-in, not throttled

        List<Document> recorded = mongo.getCollection("access_denials")
                .flatMapMany(collection -> collection.find(new Document("status", 429)))
                .collectList().block();
        assertThat(recorded).hasSize(3)
                .allSatisfy(denial -> assertThat(denial.getString("reason")).startsWith("sign-in throttled"))
                .allSatisfy(denial -> assertThat(denial.getString("username")).isEqualTo("op-guessed"));
        assertThat(meters.find("hotline.signin.throttled").counters())
                .extracting(counter -> counter.count()).containsExactly(3.0);
    }
}
