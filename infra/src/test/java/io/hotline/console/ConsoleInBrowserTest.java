package io.hotline.console;

import io.hotline.kernel.common.Role;
import io.hotline.testing.MutableClock;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in headless Chromium against the whole app: an operator takes a call with the keyboard alone and
 * dispatches it, the unit's handler sees it arrive live and signs for it, asks for materials and replies, the
 * operator records the call-back and closes the case; a coordinator settles an objection, a supervisor supervises
 * an overdue case, the dashboard and the auditor's replay show what they can. Each screen is photographed into
 * {@code target/screenshots/}. Each test is reported skipped where Debian's chromium and
 * chromium-driver are not installed ({@link NeedsChromium}).
 * <p>
 * The tests tell that day in order, but none depends on another: each signs in itself and makes its own case
 * through the API at the stage it needs ({@link #caseAt}), waiting for the view to show the version the last
 * command answered, so one failure fails one test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.springframework.context.annotation.Import(MovableTime.class)
class ConsoleInBrowserTest extends ConsoleBrowserTest {

    private static final String OPERATOR = "op-console";
    private static final String HANDLER = "water-console";
    private static final String URBAN = "urban-console";
    private static final String COORDINATOR = "co-console";
    private static final String SUPERVISOR = "su-console";
    private static final String AUDITOR = "au-console";
    private static final String PHONE = "13800138000";


    @Autowired
    MutableClock clock;

    private WebTestClient operatorApi;
    private WebTestClient waterApi;

    @BeforeAll
    void accounts() {
        if (!hasBrowser()) {
            return; // every test is reported skipped by NeedsChromium
        }
        operatorApi = TestAccounts.client(context, OPERATOR, "HOTLINE", Role.OPERATOR);
        waterApi = TestAccounts.client(context, HANDLER, "WATER", Role.UNIT_HANDLER);
        TestAccounts.client(context, URBAN, "URBAN-MGMT", Role.UNIT_HANDLER);
        TestAccounts.client(context, COORDINATOR, "HOTLINE", Role.COORDINATOR);
        TestAccounts.client(context, SUPERVISOR, "HOTLINE", Role.SUPERVISOR);
        TestAccounts.client(context, AUDITOR, "HOTLINE", Role.AUDITOR);
    }

    @Test
    @Order(1)
    void theOperatorSignsInAndTheHeaderSaysWhoUnitAndRole() {
        register("call-earlier-1", "路灯不亮", "上周反映过的路灯问题", "370602");
        browser.go("/intake");
        browser.visible(By.id("login-username"));
        browser.screenshot("01-login");
        browser.signIn(OPERATOR, TestAccounts.passwordFor(OPERATOR));

        assertThat(browser.visible(By.id("who-unit")).getText()).contains("HOTLINE");
        assertThat(browser.driver.findElement(By.id("who-roles")).getText()).isEqualTo("话务员");
        assertThat(browser.driver.findElement(By.id("app-nav")).getText()).contains("受理", "协调督办", "工单查询");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("intake-phone");
    }

    @Test
    @Order(2)
    void intakeByKeyboardShowsDuplicatesAndFieldErrorsThenDispatchesInTheSameFlow() {
        register("call-earlier-1", "路灯不亮", "上周反映过的路灯问题", "370602"); // the same call as above: one case
        browser.signIn(OPERATOR, TestAccounts.passwordFor(OPERATOR));
        browser.until(driver -> "intake-phone".equals(focusedId()));
        Actions keys = new Actions(browser.driver);
        // a wrong phone first: the API's field error lands next to the phone field
        keys.sendKeys("12ab", Keys.ENTER, "张三", Keys.ENTER, Keys.ENTER, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER,
                Keys.ENTER, Keys.ENTER, "路灯不亮", Keys.ENTER, "小区门口路灯坏了三天，晚上出行不便。").perform();
        keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        WebElement phoneError = browser.visible(By.id("intake-phone-error"));
        assertThat(phoneError.getText()).contains("填写有误").contains("须为电话号码");
        assertThat(browser.driver.findElement(By.cssSelector("#intake-form .problem")).getText()).contains("请检查标红的项目");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("intake-phone");
        assertThat(browser.driver.findElement(By.id("intake-phone")).getAttribute("aria-invalid")).isEqualTo("true");

        keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(PHONE).perform();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("intake-phone-error")));
        browser.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#duplicates .duplicate"), 0));
        assertThat(browser.driver.findElement(By.id("duplicates")).getText()).contains("路灯不亮");
        browser.screenshot("02-intake");
        keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();

        browser.visible(By.id("intake-next"));
        browser.waitForText(By.id("dispatch-proposal"), "市场监管局");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("disposition-dispatch");
        assertThat(browser.driver.findElement(By.id("disposition-merge")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("dispatch-lead")).getAttribute("value")).isEqualTo("MARKET-REG");
        // Tab to the lead unit, replace the proposal, Tab to the first assisting unit and tick it, Ctrl+Enter
        keys.sendKeys(Keys.TAB).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("water")
                .sendKeys(Keys.TAB, Keys.SPACE).perform();
        assertThat(browser.focused().getAttribute("value")).isEqualTo("HOUSING");
        keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();

        WebElement outcome = browser.visible(By.id("intake-outcome"));
        assertThat(outcome.getText()).contains("WATER");
        String caseId = outcome.findElement(By.tagName("a")).getAttribute("href").replaceAll(".*#/cases/", "");
        assertThat(focusedId()).isEqualTo("intake-another");
        browser.screenshot("02-intake-dispatched");
        // the view follows the log: wait for it to show the dispatch rather than reading it once
        browser.until(driver -> "WATER".equals(view(caseId).get("leadUnit")));
        assertThat(view(caseId)).containsEntry("assistingUnits", List.of("HOUSING"));
    }

    @Test
    @Order(3)
    void theHandlersInboxUpdatesLiveAndOffersWhatTheRoleMayDo() {
        String caseId = caseAt("call-inbox-1", "路灯闪烁", Stage.DISPATCHED);
        browser.signIn(HANDLER, TestAccounts.passwordFor(HANDLER));
        browser.visible(By.id("inbox-list"));
        By row = caseRow(caseId);
        browser.visible(row);
        browser.until(ExpectedConditions.attributeContains(By.id("inbox-live"), "class", "on"));
        int before = inboxCount();

        // a case dispatched now appears without a reload (server-sent events on the session cookie)
        String liveCaseId = register("call-live-1", "供水压力不足", "六楼以上水压低", "370602");
        post(operatorApi, liveCaseId, "dispatch", Map.of("leadUnit", "WATER"));
        browser.visible(caseRow(liveCaseId));
        browser.waitForText(By.id("inbox-counts"), "共 " + (before + 1) + " 件");

        assertThat(actionsOf(caseId)).containsExactly("sign", "object");
        browser.click(By.cssSelector("[data-action='sign'][data-case-id='" + caseId + "']"));
        browser.until(driver -> actionsOf(caseId).contains("reply"));
        assertThat(actionsOf(caseId)).contains("progress", "reply", "materials", "extension", "transfer", "object");
        browser.screenshot("03-inbox");
    }

    @Test
    @Order(4)
    void aRefusalIsShownInTheDialogAndEscClosesIt() {
        String caseId = caseAt("call-refusal-1", "水管漏水", Stage.IN_HANDLING);
        browser.signIn(HANDLER, TestAccounts.passwordFor(HANDLER));
        browser.visible(caseRow(caseId));
        browser.clickAction(caseId, "transfer");
        browser.visible(By.cssSelector("dialog[open]"));
        new Actions(browser.driver).sendKeys("WATER", Keys.TAB, "供水管网问题").perform();
        submitDialog();
        WebElement problem = browser.visible(By.cssSelector("dialog[open] .problem"));
        assertThat(problem.getText()).contains("该工单已在该单位").contains("SAME_UNIT");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
    }

    @Test
    @Order(5)
    void theHandlerAsksForAllMaterialsAtOnceAndReplies() {
        String caseId = caseAt("call-materials-1", "路灯不亮", Stage.IN_HANDLING);
        browser.signIn(HANDLER, TestAccounts.passwordFor(HANDLER));
        browser.visible(caseRow(caseId));
        browser.click(By.cssSelector("[data-action='materials'][data-case-id='" + caseId + "']"));
        browser.visible(By.cssSelector("dialog[open] .material-item"));
        new Actions(browser.driver).sendKeys("现场照片", Keys.ENTER, "具体位置").perform();
        assertThat(browser.driver.findElements(By.cssSelector("dialog[open] .material-item"))).hasSize(2);
        browser.screenshot("04-materials");
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));

        browser.click(By.cssSelector("[data-action='reply'][data-case-id='" + caseId + "']"));
        browser.visible(By.cssSelector("dialog[open] textarea")).sendKeys("已更换灯泡，路灯恢复照明。");
        submitDialog();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(caseRow(caseId)));
        browser.until(driver -> "REPLIED".equals(view(caseId).get("status")));
        assertThat(((Map<?, ?>) view(caseId).get("lastMaterialRequest")).get("items")).isEqualTo(List.of("现场照片", "具体位置"));
    }

    @Test
    @Order(6)
    void theOperatorRecordsTheCallBackAndClosesTheCase() {
        String caseId = caseAt("call-callback-1", "路灯不亮", Stage.REPLIED);
        browser.signIn(OPERATOR, TestAccounts.passwordFor(OPERATOR));
        browser.go("/board");
        By feedback = By.cssSelector("#board-callback-body [data-action='feedback'][data-case-id='" + caseId + "']");
        browser.click(feedback);
        browser.visible(By.cssSelector("dialog[open] select[name='satisfaction']"));
        submitDialog();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(feedback));
        browser.click(By.cssSelector("#board-callback-body [data-action='close'][data-case-id='" + caseId + "']"));
        browser.visible(By.cssSelector("dialog[open]"));
        submitDialog();
        browser.until(driver -> "CLOSED".equals(view(caseId).get("status")));
    }

    @Test
    @Order(7)
    void theCasePageShowsStateChainDeadlinesAndRevealsPersonalDataOnceForAReason() {
        String caseId = caseAt("call-casepage-1", "路灯不亮", Stage.CLOSED);
        String caseNumber = (String) view(caseId).get("caseNumber");
        browser.signIn(OPERATOR, TestAccounts.passwordFor(OPERATOR));
        browser.go("/cases/" + caseId);
        browser.waitForText(By.id("case-heading"), "已归档");
        assertThat(browser.driver.findElement(By.id("case-heading")).getText()).contains(caseNumber);
        assertThat(browser.driver.findElement(By.id("masked-phone")).getText()).isEqualTo("138****8000");
        assertThat(browser.driver.findElement(By.id("case-chain")).getText()).contains("水务局", "派单", "签收");
        assertThat(browser.driver.findElement(By.id("case-deadlines")).getText()).contains("签收时限", "办结时限", "按时");
        browser.visible(By.id("timeline-list"));
        assertThat(browser.driver.findElements(By.cssSelector("#timeline-list li")).size()).isGreaterThanOrEqualTo(3);

        browser.click(By.id("reveal-button"));
        browser.visible(By.id("reveal-reason")).sendKeys("回访核实联系方式");
        submitDialog();
        assertThat(browser.visible(By.id("revealed")).getText()).contains(PHONE).contains("张三");
        browser.screenshot("05-case-reveal");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.id("revealed"), 0));
        assertThat(browser.driver.getPageSource()).doesNotContain(PHONE);
        browser.screenshot("06-case");
    }

    @Test
    @Order(8)
    void theCoordinatorDesignatesTheLeadUnitForAnObjection() {
        String disputed = register("call-dispute-1", "占道经营", "路口早市占道", "370613");
        operatorApi.post().uri("/api/v1/cases/{id}/dispatch", disputed).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("leadUnit", "URBAN-MGMT")).exchange().expectStatus().isOk();
        Map<?, ?> objected = TestAccounts.signedIn(context, URBAN, TestAccounts.passwordFor(URBAN)).post()
                .uri("/api/v1/cases/{id}/objections", disputed).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "属市场监管职责")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        // the board lists what the views hold: wait until they hold the objection (projection is asynchronous)
        operatorApi.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", disputed, objected.get("version")).exchange()
                .expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale");

        browser.signIn(COORDINATOR, TestAccounts.passwordFor(COORDINATOR));
        By designate = By.cssSelector("#board-objections-body [data-action='designate'][data-case-id='" + disputed + "']");
        browser.visible(designate);
        assertThat(browser.driver.findElement(By.id("board-objections")).getText()).contains("属市场监管职责");
        browser.screenshot("07-board-coordinator");
        browser.click(designate);
        WebElement lead = browser.visible(By.cssSelector("dialog[open] input[name='leadUnit']"));
        lead.clear();
        lead.sendKeys("MARKET-REG");
        browser.driver.findElement(By.cssSelector("dialog[open] textarea[name='reason']")).sendKeys("市场监管牵头");
        submitDialog();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(designate));
        assertThat(view(disputed)).containsEntry("leadUnit", "MARKET-REG");
    }

    @Test
    @Order(9)
    void theSupervisorSupervisesAnOverdueCase() {
        String waitingCaseId = caseAt("call-overdue-1", "供水压力不足", Stage.DISPATCHED);
        clock.advance(Duration.ofDays(20));
        browser.signIn(SUPERVISOR, TestAccounts.passwordFor(SUPERVISOR));
        By supervise = By.cssSelector("#board-overdue-body [data-action='supervise'][data-case-id='" + waitingCaseId + "']");
        browser.click(supervise);
        browser.visible(By.cssSelector("dialog[open] textarea")).sendKeys("请于今日内签收");
        submitDialog();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(supervise));
        browser.visible(By.cssSelector("#board-overdue-body [data-action='urge'][data-case-id='" + waitingCaseId + "']"));
        assertThat(browser.driver.findElement(By.id("board-overdue")).getText()).contains("督办", "红牌超期");
        browser.screenshot("08-board-supervisor");
        browser.until(driver -> Boolean.TRUE.equals(view(waitingCaseId).get("supervised")));
    }

    @Test
    @Order(10)
    void theDashboardShowsTheFigures() {
        caseAt("call-figures-1", "路灯不亮", Stage.CLOSED);
        browser.signIn(SUPERVISOR, TestAccounts.passwordFor(SUPERVISOR));
        browser.go("/dashboard");
        browser.visible(By.cssSelector("#kpis .kpi"));
        // the figures redraw live: read them through the wait, which retries a replaced element
        browser.until(driver -> driver.findElement(By.id("kpis")).getText().contains("%"));
        browser.visible(By.cssSelector("#chart-trend canvas"));
        // 件件有回音: what the citizens were sent, beside the figures
        assertThat(browser.visible(By.id("notices")).getText()).contains("给市民的消息");
        browser.screenshot("09-dashboard");
    }

    @Test
    @Order(11)
    void theAuditorStepsThroughTheHistory() {
        String caseId = caseAt("call-audit-1", "路灯不亮", Stage.REPLIED);
        browser.signIn(AUDITOR, TestAccounts.passwordFor(AUDITOR));
        browser.go("/audit/" + caseId);
        WebElement position = browser.visible(By.id("audit-position"));
        String last = position.getText();
        browser.click(By.id("audit-prev"));
        browser.until(driver -> !driver.findElement(By.id("audit-position")).getText().equals(last));
        browser.visible(By.cssSelector("#audit-as-of .case-grid"));
        assertThat(browser.driver.findElement(By.id("audit-next")).isEnabled()).isTrue();
        browser.screenshot("10-audit");
    }

    /**
     * The auditor sees exactly the case as it was at each step, nothing filled in from later: at the registration
     * no lead unit, no deadline, no reply; at the dispatch the lead unit and the sign-for limit but no reply; at
     * the end the reply and the dissatisfied call-back. Its own case and its own sign-in: it depends on no other test.
     */
    @Test
    @Order(13)
    void theAuditorsReplayShowsEachStepAsItWasAndNothingLater() {
        String handled = register("call-replay-1", "下水道堵塞", "小区下水道堵塞", "370602");
        post(operatorApi, handled, "dispatch", Map.of("leadUnit", "WATER"));
        post(waterApi, handled, "sign", null);
        post(waterApi, handled, "reply", Map.of("result", "SOLVED", "text", "管道已疏通完毕"));
        long last = post(operatorApi, handled, "feedback", Map.of("channel", "PHONE", "satisfaction", "DISSATISFIED",
                "solved", false));
        awaitVersion(operatorApi, handled, last);

        browser.signIn(AUDITOR, TestAccounts.passwordFor(AUDITOR));
        browser.go("/audit/" + handled);
        browser.visible(By.id("audit-position"));

        String registered = asOfStep(0);
        assertThat(registered).contains("已受理").doesNotContain("水务局", "签收时限", "办结时限", "管道已疏通完毕", "不满意");
        String dispatched = asOfStep(1);
        assertThat(dispatched).contains("待签收", "水务局", "签收时限").doesNotContain("办结时限", "管道已疏通完毕", "不满意");
        String replied = asOfStep(3);
        assertThat(replied).contains("管道已疏通完毕").doesNotContain("不满意");
        String now = asOfStep((int) last);
        assertThat(now).contains("管道已疏通完毕", "不满意");
        browser.screenshot("11-audit-replay");
    }

    /** How far a case is taken through the API before a test works on it in the browser. */
    private enum Stage { DISPATCHED, IN_HANDLING, REPLIED, CLOSED }

    /**
     * A case of this test's own, registered and taken to {@code stage} through the API (dispatched to WATER, signed,
     * replied, called back and closed), with its view caught up: no test depends on what another one left behind.
     */
    private String caseAt(String requestId, String title, Stage stage) {
        String id = register(requestId, title, "小区门口" + title, "370602");
        long version = post(operatorApi, id, "dispatch", Map.of("leadUnit", "WATER"));
        if (stage.compareTo(Stage.IN_HANDLING) >= 0) {
            version = post(waterApi, id, "sign", null);
        }
        if (stage.compareTo(Stage.REPLIED) >= 0) {
            version = post(waterApi, id, "reply", Map.of("result", "SOLVED", "text", "已更换灯泡，路灯恢复照明"));
        }
        if (stage == Stage.CLOSED) {
            post(operatorApi, id, "feedback", Map.of("channel", "PHONE", "satisfaction", "SATISFIED", "solved", true));
            version = post(operatorApi, id, "close", null);
        }
        awaitVersion(operatorApi, id, version);
        return id;
    }

    /** Waits until the case's view shows {@code version}, the version a command answered. */
    /** The inbox's total, from its counts line (共 N 件). */
    private int inboxCount() {
        browser.until(driver -> driver.findElement(By.id("inbox-counts")).getText().matches("(?s).*共 \\d+ 件.*"));
        String counts = browser.driver.findElement(By.id("inbox-counts")).getText();
        return Integer.parseInt(counts.replaceAll("(?s).*共 (\\d+) 件.*", "$1"));
    }

    /** Selects a step of the replay and answers the as-of panel's text once it shows that step's case. */
    private String asOfStep(int index) {
        browser.click(By.cssSelector("#audit-steps .step[data-index='" + index + "']"));
        browser.until(driver -> driver.findElement(By.id("audit-position")).getText().contains("第 " + (index + 1) + " /")
                && !driver.findElements(By.cssSelector("#audit-as-of .case-grid")).isEmpty());
        browser.visible(By.cssSelector("#audit-as-of .case-grid"));
        return browser.driver.findElement(By.id("audit-as-of")).getText();
    }

    @Test
    @Order(12)
    void theLanguageSwitchesToEnglishAndBackAndSigningOutShowsTheForm() {
        String caseId = caseAt("call-language-1", "路灯不亮", Stage.REPLIED);
        browser.signIn(AUDITOR, TestAccounts.passwordFor(AUDITOR));
        browser.go("/audit/" + caseId);
        browser.visible(By.id("audit-position"));
        browser.click(By.id("lang-switch"));
        browser.waitForText(By.id("app-nav"), "Audit");
        assertThat(browser.driver.findElement(By.id("audit-heading")).getText()).isEqualTo("Audit replay");
        browser.click(By.id("lang-switch"));
        browser.waitForText(By.id("app-nav"), "审计回放");
        browser.click(By.id("sign-out"));
        browser.visible(By.id("login-username"));
        TestAccounts.anonymous(context).get().uri("/login").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    // ------------------------------------------------------------------ helpers

    private String register(String requestId, String title, String content, String area) {
        Map<?, ?> receipt = operatorApi.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestId", requestId, "channel", "HOTLINE", "category", "COMPLAINT",
                        "title", title, "content", content, "area", area,
                        "citizen", Map.of("name", "张三", "phone", PHONE)))
                .exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
        return (String) receipt.get("caseId");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> view(String id) {
        return operatorApi.get().uri("/api/v1/cases/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static By caseRow(String id) {
        return By.xpath("//tr[.//a[contains(@href, '" + id + "')]]");
    }

    /** The actions offered on a case in the inbox, read in one go (the live inbox redraws itself). */
    @SuppressWarnings("unchecked")
    private List<String> actionsOf(String id) {
        return (List<String>) browser.script("return [...document.querySelectorAll("
                + "'#inbox-list [data-case-id=\"' + arguments[0] + '\"]')].map(button => button.dataset.action);", id);
    }

    private String focusedId() {
        return browser.focused().getAttribute("id");
    }

    private void submitDialog() {
        browser.driver.findElement(By.cssSelector("dialog[open] button[type='submit']")).click();
    }
}
