package io.hotline.security;

import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start with no {@code HOTLINE_ADMIN_PASSWORD}: the administrator gets a random password, told once in
 * the log at WARN, and it works; nothing is generated or logged again once an account exists.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstAdminGeneratedTest {

    private static final Pattern GENERATED = Pattern.compile(
            "WARN.*created the administrator 'admin' with the generated password (\\S+) ");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", LocalSignInTest::tempDir);
        registry.add("app.security.admin-password", () -> "");
    }

    @Autowired
    ApplicationContext context;

    @Test
    void theGeneratedPasswordIsLoggedOnceAndWorks(CapturedOutput output) throws Exception {
        Matcher logged = GENERATED.matcher(output.getAll());
        assertThat(logged.find()).as("the generated password in the log").isTrue();
        String password = logged.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(logged.find()).as("logged only once").isFalse();

        TestAccounts.signedIn(context, "admin", password).get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roles[0]").isEqualTo("ADMIN");

        context.getBean("firstAdmin", ApplicationRunner.class).run(new DefaultApplicationArguments());
        Matcher again = GENERATED.matcher(output.getAll());
        assertThat(again.find() && again.find()).as("no second password once an account exists").isFalse();
        TestAccounts.signedIn(context, "admin", password).get().uri("/api/v1/me").exchange()
                .expectStatus().isOk();
    }
}
