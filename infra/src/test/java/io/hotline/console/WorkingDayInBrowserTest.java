package io.hotline.console;

import io.hotline.kernel.common.Role;
import io.hotline.testing.MutableClock;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A working day in the console at 1366×768 (issue 21): a unit's clerk works a dense inbox by keyboard (j/k, the
 * first letter of an action, Esc) without focus ever falling to the page, signs several cases in one go, follows a
 * case page that changes under them and reads what applies to them there; the supervisor reads which limit each
 * overdue case missed; the operator's refusals come in Chinese and Ctrl+Enter dispatches right after registering.
 * Each screen is photographed into {@code target/screenshots/day-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.query.inbox-stream-poll=300ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@NeedsChromium
class WorkingDayInBrowserTest {

    private static final String OPERATOR = "op-day";
    private static final String HANDLER = "water-day";
    private static final String OTHER_HANDLER = "water-day-2";
    private static final String SUPERVISOR = "su-day";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-day").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    /** The app's clock, moved forward to make cases overdue (the last test only). */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {
        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock(Instant.now());
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MutableClock clock;
    @LocalServerPort
    int port;

    private ConsoleBrowser browser;
    private WebTestClient operatorApi;
    private WebTestClient waterApi;
    private WebTestClient otherWaterApi;

    @BeforeAll
    void openBrowser() {
        if (!ConsoleBrowser.installed() && !ConsoleBrowser.requiredByCi()) {
            return; // every test is reported skipped by NeedsChromium
        }
        browser = ConsoleBrowser.open("http://localhost:" + port);
        // the page itself 1366×768 (a window that size leaves less to the page: its own bars take the rest)
        browser.driver.manage().window().setSize(new Dimension(1366, 900));
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        operatorApi = TestAccounts.client(context, OPERATOR, "HOTLINE", Role.OPERATOR);
        waterApi = TestAccounts.client(context, HANDLER, "WATER", Role.UNIT_HANDLER);
        otherWaterApi = TestAccounts.client(context, OTHER_HANDLER, "WATER", Role.UNIT_HANDLER);
        TestAccounts.client(context, SUPERVISOR, "HOTLINE", Role.SUPERVISOR);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aDozenCasesOnOneLineEachWorkedByKeysWithoutFocusFallingToThePage() {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            cases.add(dispatched("day-dense-" + i, "路灯不亮第" + i + "处"));
        }
        browser.signIn(HANDLER, TestAccounts.passwordFor(HANDLER));
        browser.until(driver -> rowKeys().size() >= 14);

        // one line per case: no row taller than one line of buttons, no date broken inside, a dozen on screen
        Map<?, ?> layout = (Map<?, ?>) browser.script("""
                const rows = [...document.querySelectorAll('#inbox-list tr[data-row-key]')];
                return {tallest: Math.max(...rows.map(row => row.getBoundingClientRect().height)),
                    onScreen: rows.filter(row => row.getBoundingClientRect().bottom <= window.innerHeight).length,
                    brokenDates: [...document.querySelectorAll('#inbox-list time')].filter(time => time.getClientRects().length > 1
                        || time.getBoundingClientRect().height > 30).length,
                    wrappedActions: [...document.querySelectorAll('#inbox-list .actions')].filter(group => group.getBoundingClientRect().height > 40).length,
                    width: window.innerWidth};""");
        assertThat(((Number) layout.get("width")).intValue()).isEqualTo(1366);
        assertThat(((Number) layout.get("tallest")).doubleValue()).isLessThanOrEqualTo(40);
        assertThat(((Number) layout.get("onScreen")).intValue()).isGreaterThanOrEqualTo(12);
        assertThat(((Number) layout.get("brokenDates")).intValue()).isZero();
        assertThat(((Number) layout.get("wrappedActions")).intValue()).isZero();
        assertThat(browser.driver.findElement(By.id("inbox-keys")).getText()).contains("j / k", "s 签收", "o 提出异议");
        browser.screenshot("day-01-inbox-1366");

        // j moves to the next row, k back
        List<String> keys = rowKeys();
        browser.script("document.querySelector('#inbox-list tr[data-row-key] a').focus();");
        new Actions(browser.driver).sendKeys("j").perform();
        assertThat(focusedRow()).isEqualTo(keys.get(1));
        new Actions(browser.driver).sendKeys("j", "k").perform();
        assertThat(focusedRow()).isEqualTo(keys.get(1));

        // s signs the row in focus; focus stays on that row, on its next action, never on the page body
        String signed = keys.get(1);
        new Actions(browser.driver).sendKeys("s").perform();
        browser.until(driver -> actionsOf(signed).contains("reply"));
        browser.until(driver -> signed.equals(focusedRow()));
        assertThat(browser.focused().getTagName()).isEqualTo("button");

        // o opens the objection dialog; Esc closes it and focus is back on the button that opened it
        new Actions(browser.driver).sendKeys("j").perform();
        String objected = focusedRow();
        new Actions(browser.driver).sendKeys("o").perform();
        browser.visible(By.cssSelector("dialog[open]"));
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        browser.until(driver -> "object".equals(browser.focused().getAttribute("data-action")));
        assertThat(focusedRow()).isEqualTo(objected);
        assertThat(cases).contains(signed, objected);
    }

    @Test
    @Order(2)
    void theInboxSortsAndFiltersAndSignsSeveralCasesInOneActionReportingEach() {
        String first = dispatched("day-batch-1", "供水压力不足");
        String second = dispatched("day-batch-2", "水管漏水");
        String third = dispatched("day-batch-3", "水表损坏");
        browser.signIn(HANDLER, TestAccounts.passwordFor(HANDLER));
        browser.visible(caseRow(third));

        // filtered by category: every case here is a complaint, none a consultation
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("inbox-category"))).selectByValue("CONSULTATION");
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#inbox-list tr[data-row-key]"), 0));
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("inbox-category"))).selectByValue("COMPLAINT");
        browser.visible(caseRow(third));
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("inbox-sort"))).selectByValue("overdue");

        // two picked; the third is signed for by a colleague meanwhile and is not offered any more
        browser.click(By.cssSelector("#inbox-list [data-pick='" + first + "']"));
        browser.click(By.cssSelector("#inbox-list [data-pick='" + second + "']"));
        assertThat(browser.driver.findElement(By.id("inbox-batch-sign")).getText()).contains("2");
        browser.screenshot("day-02-inbox-batch");
        browser.click(By.id("inbox-batch-sign"));
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#inbox-batch-result li.ok"), 2));
        assertThat(browser.driver.findElement(By.id("inbox-batch-result")).getText())
                .contains(caseNumber(first) + "：已签收", caseNumber(second) + "：已签收");
        browser.until(driver -> "IN_HANDLING".equals(view(first).get("status")) && "IN_HANDLING".equals(view(second).get("status")));
        assertThat(view(third)).containsEntry("status", "DISPATCHED");
    }

    @Test
    @Order(3)
    void theCasePageFollowsTheCaseAndTellsAUnitHandlerWhatAppliesToThem() {
        String caseId = dispatched("day-live-1", "井盖缺失");
        browser.signIn(HANDLER, TestAccounts.passwordFor(HANDLER));
        browser.go("/cases/" + caseId);
        browser.visible(By.cssSelector(".actions [data-action='sign']"));
        assertThat(browser.driver.findElements(By.id("masked-phone"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("citizen-hint")).getText()).contains("诉求人信息仅热线工作人员可见");
        assertThat(browser.driver.findElements(By.id("reveal-button"))).isEmpty();
        WebElement lead = browser.driver.findElement(By.cssSelector("#case-units span.unit[title='WATER']"));
        assertThat(lead.getText()).isEqualTo("水务局");
        browser.screenshot("day-03-case-handler");

        // a colleague signs for it: the page follows the case's stream, the sign button goes without a click
        post(otherWaterApi, caseId, "sign", null);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".actions [data-action='sign']")));
        browser.visible(By.cssSelector(".actions [data-action='reply']"));
    }

    @Test
    @Order(4)
    void theTimelineForThoseWhoDoNotAuditRunsToTheArchivingWithoutRepeatingTheChain() {
        String caseId = dispatched("day-timeline-1", "路灯闪烁");
        post(waterApi, caseId, "sign", null);
        post(waterApi, caseId, "reply", Map.of("result", "SOLVED", "text", "已更换灯泡"));
        post(operatorApi, caseId, "feedback", Map.of("channel", "PHONE", "satisfaction", "SATISFIED", "solved", true));
        awaitVersion(caseId, post(operatorApi, caseId, "close", null));

        browser.signIn(HANDLER, TestAccounts.passwordFor(HANDLER));
        browser.go("/cases/" + caseId);
        browser.visible(By.id("timeline-list"));
        String timeline = browser.driver.findElement(By.id("timeline-list")).getText();
        assertThat(timeline).contains("受理登记", "答复办结", "已更换灯泡", "回访评价", "归档");
        assertThat(timeline).doesNotContain("签收", "派单");
        assertThat(browser.driver.findElement(By.id("case-chain")).getText()).contains("派单", "签收");
        browser.screenshot("day-04-case-timeline");
    }

    @Test
    @Order(5)
    void aRefusalAtIntakeIsInChineseAndCtrlEnterDispatchesRightAfterRegistering() {
        browser.signIn(OPERATOR, TestAccounts.passwordFor(OPERATOR));
        browser.until(driver -> "intake-phone".equals(browser.focused().getAttribute("id")));
        Actions keys = new Actions(browser.driver);
        keys.sendKeys("12ab", Keys.ENTER, "李四", Keys.ENTER, Keys.ENTER, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER,
                Keys.ENTER, Keys.ENTER, "路灯不亮", Keys.ENTER, "小区东门路灯坏了。").perform();
        keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        assertThat(browser.visible(By.id("intake-phone-error")).getText()).contains("须为电话号码");
        browser.screenshot("day-05-intake-refusal");

        keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("13900139000").perform();
        keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        browser.visible(By.id("intake-next"));
        browser.until(driver -> !driver.findElement(By.id("dispatch-lead")).getAttribute("value").isEmpty());
        assertThat(browser.focused().getAttribute("id")).isEqualTo("disposition-dispatch");
        keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        browser.visible(By.id("intake-outcome"));
        browser.screenshot("day-05-intake-dispatched");
    }

    @Test
    @Order(6)
    void theOverdueBoardSaysWhichLimitWasMissedLongestFirst() {
        String waiting = dispatched("day-overdue-1", "供水中断");
        String handling = dispatched("day-overdue-2", "污水外溢");
        awaitVersion(handling, post(waterApi, handling, "sign", null));
        clock.advance(Duration.ofDays(40));
        browser.signIn(SUPERVISOR, TestAccounts.passwordFor(SUPERVISOR));
        browser.go("/board");
        By waitingRow = By.cssSelector("#board-overdue-body tr[data-row-key='" + waiting + "']");
        By handlingRow = By.cssSelector("#board-overdue-body tr[data-row-key='" + handling + "']");
        browser.visible(waitingRow);
        browser.visible(handlingRow);
        assertThat(browser.driver.findElement(waitingRow).getText()).contains("签收时限", "已超期");
        assertThat(browser.driver.findElement(handlingRow).getText()).contains("办结时限", "已超期").doesNotContain("签收时限");
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) browser.script("return [...document.querySelectorAll("
                + "'#board-overdue-body tr[data-row-key]')].map(row => row.dataset.rowKey);");
        assertThat(order.indexOf(waiting)).isLessThan(order.indexOf(handling));
        WebElement lead = browser.driver.findElement(By.cssSelector("#board-overdue-body span.unit[title='WATER']"));
        assertThat(lead.getText()).isEqualTo("水务局");
        browser.screenshot("day-06-board-overdue");
    }

    // ------------------------------------------------------------------ helpers

    private String dispatched(String requestId, String title) {
        Map<?, ?> receipt = operatorApi.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestId", requestId, "channel", "HOTLINE", "category", "COMPLAINT",
                        "title", title, "content", "小区门口" + title, "area", "370602",
                        "citizen", Map.of("name", "张三", "phone", "13800138000")))
                .exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) receipt.get("caseId");
        awaitVersion(id, post(operatorApi, id, "dispatch", Map.of("leadUnit", "WATER")));
        return id;
    }

    /** Waits until the case's view shows {@code version} (asked again while the answer says it is stale). */
    private void awaitVersion(String id, long version) {
        browser.until(driver -> operatorApi.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", id, version).exchange()
                .expectStatus().isOk().returnResult(Map.class).getResponseHeaders().getFirst("X-View-Stale") == null);
    }

    private static long post(WebTestClient client, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec spec = client.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        Map<?, ?> answer = (body == null ? spec.exchange() : spec.bodyValue(body).exchange())
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) answer.get("version")).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> view(String id) {
        return operatorApi.get().uri("/api/v1/cases/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private String caseNumber(String id) {
        return (String) view(id).get("caseNumber");
    }

    private static By caseRow(String id) {
        return By.cssSelector("#inbox-list tr[data-row-key='" + id + "']");
    }

    @SuppressWarnings("unchecked")
    private List<String> rowKeys() {
        return (List<String>) browser.script("return [...document.querySelectorAll('#inbox-list tr[data-row-key]')]"
                + ".map(row => row.dataset.rowKey);");
    }

    /** The case of the row holding focus; null when focus is outside every row (the page body). */
    private String focusedRow() {
        return (String) browser.script("const row = document.activeElement && document.activeElement.closest('tr[data-row-key]');"
                + " return row ? row.dataset.rowKey : null;");
    }

    @SuppressWarnings("unchecked")
    private List<String> actionsOf(String id) {
        return (List<String>) browser.script("return [...document.querySelectorAll("
                + "'#inbox-list .actions [data-case-id=\"' + arguments[0] + '\"]')].map(button => button.dataset.action);", id);
    }
}
