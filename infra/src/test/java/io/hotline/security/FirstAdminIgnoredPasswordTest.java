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

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code HOTLINE_ADMIN_PASSWORD} counts only at a first start. A later start with it set (accounts exist by then)
 * says at WARN that it is ignored, and the administrator keeps the password it was created with.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstAdminIgnoredPasswordTest {

    private static final Pattern IGNORED = Pattern.compile(
            "WARN.*app\\.security\\.admin-password \\(HOTLINE_ADMIN_PASSWORD\\) is set but ignored: accounts exist");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", LocalSignInTest::tempDir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void aPasswordSetOnceAccountsExistIsReportedAsIgnored(CapturedOutput output) throws Exception {
        assertThat(IGNORED.matcher(output.getAll()).find()).as("no warning at the first start").isFalse();

        context.getBean("firstAdmin", ApplicationRunner.class).run(new DefaultApplicationArguments());

        assertThat(IGNORED.matcher(output.getAll()).find()).as("the warning at a start with accounts").isTrue();
        TestAccounts.signedIn(context, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD).get().uri("/api/v1/me")
                .exchange().expectStatus().isOk();
    }
}
