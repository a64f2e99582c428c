package io.hotline.security;

import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's way in: {@code POST /login} answers JSON, the session cookie works only with the CSRF token
 * echoed from the {@code XSRF-TOKEN} cookie, and scripts with Basic need no token unless a browser sent them
 * from another site.
 */
class ConsoleSignInTest extends LocalSignInTest {

    private static final String CASE_BODY = """
            {"requestId":"call-console-%s","channel":"WEB","category":"CONSULTATION","title":"办事咨询",
             "content":"如何办理居住证","citizen":{"name":"王五","phone":"13700137000"},"area":"370602"}
            """;

    @Test
    void theConsoleSignsInWithTheFormAndChangesThingsOnlyWithTheCsrfToken() {
        TestAccounts.client(context, "console-op", "HOTLINE", Role.OPERATOR);
        WebTestClient browser = TestAccounts.anonymous(context);
        String xsrf = csrfToken(browser);

        EntityExchangeResult<String> signIn = browser.post().uri("/login")
                .cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "console-op")
                        .with("password", TestAccounts.passwordFor("console-op")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult();
        assertThat(signIn.getResponseBody()).contains("\"username\":\"console-op\"").contains("OPERATOR");
        String session = cookie(signIn, "SESSION");

        browser.get().uri("/api/v1/me").cookie("SESSION", session).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("console-op");

        browser.post().uri("/api/v1/cases").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(CASE_BODY.formatted("forged"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("X-XSRF-TOKEN"));

        browser.post().uri("/api/v1/cases")
                .cookie("SESSION", session).cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(CASE_BODY.formatted("real"))
                .exchange()
                .expectStatus().isCreated();

        browser.post().uri("/logout")
                .cookie("SESSION", session).cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf)
                .exchange()
                .expectStatus().isNoContent();
        browser.get().uri("/api/v1/me").cookie("SESSION", session).exchange().expectStatus().isUnauthorized();
    }

    /**
     * The page (never cached) names this release's fingerprinted asset folder and preloads every module; the files
     * there are kept by browsers for a year, so a navigation fetches nothing but the page and its data.
     */
    @Test
    void theConsolePageNamesThisReleasesAssetsWhichBrowsersKeepForAYear() {
        WebTestClient browser = TestAccounts.anonymous(context);
        for (String page : List.of("/", "/index.html", "/login")) {
            String html = browser.get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-cache"))
                    .expectBody(String.class).returnResult().getResponseBody();
            Matcher main = Pattern.compile("src=\"(/assets/v-[0-9a-f]{12})/js/main\\.js\"").matcher(html);
            assertThat(main.find()).as("the page loads main.js from a fingerprinted folder: " + html).isTrue();
            String assets = main.group(1);
            assertThat(html).contains("<link rel=\"modulepreload\" href=\"" + assets + "/js/screens/board.js\">",
                    "href=\"" + assets + "/console.css\"", "src=\"" + assets + "/boot.js\"");

            browser.get().uri(assets + "/js/main.js").exchange()
                    .expectStatus().isOk()
                    .expectHeader().value(HttpHeaders.CACHE_CONTROL,
                            value -> assertThat(value).contains("max-age=31536000", "public", "immutable"));
        }
        browser.get().uri("/assets/v-000000000000/js/main.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void aWrongPasswordOnTheFormIsA401ProblemNotARedirect() {
        WebTestClient browser = TestAccounts.anonymous(context);
        String xsrf = csrfToken(browser);
        browser.post().uri("/login")
                .cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "admin").with("password", "not-the-password"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.LOCATION)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theSignInFormNeedsTheCsrfToken() {
        TestAccounts.anonymous(context).post().uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "admin").with("password", TestAccounts.ADMIN_PASSWORD))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aDisabledAccountsSessionEndsAtItsNextRequest() {
        TestAccounts.client(context, "console-gone", "HOTLINE", Role.AUDITOR);
        WebTestClient browser = TestAccounts.anonymous(context);
        String xsrf = csrfToken(browser);
        String session = cookie(browser.post().uri("/login")
                .cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "console-gone")
                        .with("password", TestAccounts.passwordFor("console-gone")))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult(), "SESSION");
        browser.get().uri("/api/v1/me").cookie("SESSION", session).exchange().expectStatus().isOk();
        TestAccounts.admin(context).post().uri("/api/v1/admin/accounts/console-gone/disable").exchange()
                .expectStatus().isNoContent();
        browser.get().uri("/api/v1/me").cookie("SESSION", session).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theApiAnswers401EvenToABrowserWhilePagesSendItToTheSignInForm() {
        WebTestClient browser = TestAccounts.anonymous(context);
        browser.get().uri("/api/v1/me").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        browser.get().uri("/console/cases").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/login");
        browser.get().uri("/api/v1/me").header("X-Requested-With", "XMLHttpRequest").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void scriptsWithBasicNeedNoTokenButABrowserSendingThemFromAnotherSiteDoes() {
        WebTestClient script = TestAccounts.client(context, "script-op", "HOTLINE", Role.OPERATOR);
        script.post().uri("/api/v1/cases").header("Sec-Fetch-Site", "cross-site")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(CASE_BODY.formatted("cross"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        script.post().uri("/api/v1/cases").header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(CASE_BODY.formatted("same-origin"))
                .exchange()
                .expectStatus().isCreated();
    }

    /** A browser's first visit hands it the CSRF cookie. */
    private static String csrfToken(WebTestClient browser) {
        return cookie(browser.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult(), "XSRF-TOKEN");
    }

    private static String cookie(EntityExchangeResult<?> result, String name) {
        ResponseCookie cookie = result.getResponseCookies().getFirst(name);
        assertThat(cookie).as("cookie " + name).isNotNull();
        return cookie.getValue();
    }
}
