package io.hotline.console;

import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test of the console shares: the whole app on a random port with its store in a temporary
 * directory of its own (a fresh one for each class: the context is closed after the class, so no class sees
 * another's cases), local sign-in with the test accounts, the inbox stream polled often, and one headless Chromium
 * per class set to a laptop's 1366×768 before the first test. A test runs at either width with {@link #atWidth}
 * (a parameterized test over {@link #LAPTOP} and {@link #PHONE}); screenshots are kept per width, named by screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.query.inbox-stream-poll=300ms")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@NeedsChromium
abstract class ConsoleBrowserTest {

    /** A laptop's page width, 1366×768. */
    static final int LAPTOP = 1366;
    /** A phone's page width, 390×844. */
    static final int PHONE = 390;

    @DynamicPropertySource
    static void aStoreOfItsOwnAndTheTestAccounts(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("hotline-browser-").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    ConsoleBrowser browser;

    /** Runs before each subclass's own {@code @BeforeAll} (JUnit runs a superclass's first). */
    @BeforeAll
    final void openTheBrowser() {
        if (!hasBrowser()) {
            return; // every test is reported skipped by NeedsChromium
        }
        browser = ConsoleBrowser.open("http://localhost:" + port);
        browser.atWidth(LAPTOP);
    }

    @AfterAll
    final void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Whether the browser tests run here; a subclass's seeding is skipped where they do not. */
    static boolean hasBrowser() {
        return ConsoleBrowser.installed() || ConsoleBrowser.requiredByCi();
    }

    void atWidth(int width) {
        browser.atWidth(width);
    }

    void signIn(String username) {
        browser.signIn(username, TestAccounts.passwordFor(username));
    }

    /**
     * Nothing wider than the screen: the page never scrolls sideways, and no table, panel, chart or card ends past
     * the screen's edge. The screen is photographed first (under its name, in the folder of the width).
     */
    void noWiderThanTheScreen(String screen) {
        Object widths = browser.script("""
                // on a phone each case card too; on a laptop a wide table may scroll inside its own box
                const cards = innerWidth <= 700 ? ', table.grid:not(.figures) tr' : '';
                const boxes = [...document.querySelectorAll('.table-wrap, .panel, .chart, .kpi' + cards)]
                    .filter(box => box.getBoundingClientRect().right > innerWidth + 1)
                    .map(box => box.id || box.dataset.rowKey || box.className);
                return [document.documentElement.scrollWidth, innerWidth, boxes.join(', ')];""");
        List<?> answer = (List<?>) widths;
        browser.screenshot(screen);
        int width = browser.width();
        assertThat(((Number) answer.get(0)).intValue()).as("%s at %d px: page width, wider boxes: %s", screen, width,
                answer.get(2)).isLessThanOrEqualTo(((Number) answer.get(1)).intValue());
        assertThat((String) answer.get(2)).as("%s at %d px: boxes past the screen's edge", screen, width).isEmpty();
        // nor beside a scroll bar that takes room (a laptop's; a phone's float over the page): no sideways scrolling
        Object beside = browser.script("""
                const room = document.documentElement.clientWidth;
                const past = [...document.querySelectorAll('body *')].filter(element => element.getClientRects().length
                    && element.getBoundingClientRect().right > room + 1
                    && ![...element.children].some(child => child.getBoundingClientRect().right > room + 1))
                    .slice(0, 5).map(element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                        + (element.className && typeof element.className === 'string' ? '.' + element.className : '')
                        + ' ' + Math.round(element.getBoundingClientRect().right));
                return [document.documentElement.scrollWidth, room, past.join(', ')];""");
        List<?> room = (List<?>) beside;
        assertThat(((Number) room.get(0)).intValue()).as("%s at %d px: page width beside the scroll bar; past it: %s",
                screen, width, room.get(2)).isLessThanOrEqualTo(((Number) room.get(1)).intValue());
    }

    /**
     * On a phone every case list is cards: each row a block, the column heads hidden but for screen readers, and
     * every field of a card shown under its column's name (the cell's data-label, drawn before its content).
     */
    void casesAreCardsWithLabels(String listSelector) {
        Map<?, ?> cards = (Map<?, ?>) browser.script("""
                const rows = [...document.querySelectorAll(arguments[0] + ' table.grid:not(.figures) tbody tr')];
                const cells = rows.flatMap(row => [...row.querySelectorAll('td')]);
                const head = document.querySelector(arguments[0] + ' table.grid:not(.figures) thead');
                return {rows: rows.length,
                    blocks: rows.filter(row => getComputedStyle(row).display === 'block').length,
                    headHeight: head ? head.getBoundingClientRect().height : 0,
                    unlabelled: cells.filter(cell => !cell.dataset.label
                        || getComputedStyle(cell, '::before').content.replace(/"/g, '') !== cell.dataset.label).length};""",
                listSelector);
        assertThat(((Number) cards.get("rows")).intValue()).as("cards in %s", listSelector).isPositive();
        assertThat(cards.get("blocks")).as("rows shown as cards in %s", listSelector).isEqualTo(cards.get("rows"));
        assertThat(((Number) cards.get("headHeight")).doubleValue()).isLessThanOrEqualTo(1);
        assertThat(((Number) cards.get("unlabelled")).intValue()).as("card fields without their column's name in %s",
                listSelector).isZero();
    }

    /** A case action through the command API; answers the case's version after it. */
    static long post(WebTestClient client, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec spec = client.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        Map<?, ?> answer = (body == null ? spec.exchange() : spec.bodyValue(body).exchange())
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) answer.get("version")).longValue();
    }

    /** Waits until {@code api}'s reads show the case at {@code version} at least (the view has caught up). */
    protected static void awaitVersion(org.springframework.test.web.reactive.server.WebTestClient api, String id,
                                       long version) {
        api.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", id, version).exchange()
                .expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale");
    }
}
