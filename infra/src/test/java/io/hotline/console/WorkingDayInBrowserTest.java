package io.hotline.console;

import io.hotline.kernel.common.Role;
import io.hotline.testing.MutableClock;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A working day in the console (issue 21), each step at a laptop's 1366×768 and a phone's 390×844: a unit's clerk
 * works a dense inbox by keyboard (j/k, the first letter of an action, Esc) without focus ever falling to the page,
 * signs several cases in one go, follows a case page that changes under them and reads what applies to them there;
 * the supervisor reads which limit each overdue case missed; the operator's refusals come in Chinese and Ctrl+Enter
 * dispatches right after registering; the coordinator's board, the search, the audit replay and the unit directory
 * fit a phone. On a laptop a case is one line; on a phone it is a card whose every field carries its column's name,
 * its actions within reach, nothing wider than the screen. Every screen is photographed at each width into
 * {@code target/screenshots/<width>/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.springframework.context.annotation.Import(MovableTime.class)
class WorkingDayInBrowserTest extends ConsoleBrowserTest {

    private static final String OPERATOR = "op-day";
    private static final String HANDLER = "water-day";
    private static final String OTHER_HANDLER = "water-day-2";
    private static final String SUPERVISOR = "su-day";
    private static final String COORDINATOR = "co-day";
    private static final String AUDITOR = "au-day";
    private static final String EDITOR = "ke-day";


    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private WebTestClient operatorApi;
    private WebTestClient waterApi;
    private WebTestClient otherWaterApi;
    /** The overdue board's cases of the other category, at each width. */
    private final List<String> reports = new ArrayList<>();

    @BeforeAll
    void accounts() {
        if (!hasBrowser()) {
            return;
        }
        operatorApi = TestAccounts.client(context, OPERATOR, "HOTLINE", Role.OPERATOR);
        waterApi = TestAccounts.client(context, HANDLER, "WATER", Role.UNIT_HANDLER);
        otherWaterApi = TestAccounts.client(context, OTHER_HANDLER, "WATER", Role.UNIT_HANDLER);
        TestAccounts.client(context, SUPERVISOR, "HOTLINE", Role.SUPERVISOR);
        TestAccounts.client(context, COORDINATOR, "HOTLINE", Role.COORDINATOR);
        TestAccounts.client(context, AUDITOR, "HOTLINE", Role.AUDITOR);
        TestAccounts.client(context, EDITOR, "HOTLINE", Role.KNOWLEDGE_EDITOR);
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(1)
    void aDozenCasesOnOneLineEachWorkedByKeysWithoutFocusFallingToThePage(int width) {
        atWidth(width);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            cases.add(dispatched("day-dense-" + width + "-" + i, "路灯不亮第" + i + "处"));
        }
        signIn(HANDLER);
        browser.until(driver -> rowKeys().containsAll(cases));
        if (width == LAPTOP) {
            aCaseALineADozenOnScreen();
        } else {
            casesAreCardsWithLabels("#inbox-list");
            actionsWithinReach("#inbox-list");
        }
        assertThat(browser.driver.findElement(By.id("inbox-keys")).getText()).contains("j / k", "s 签收", "o 提出异议");
        noWiderThanTheScreen("inbox");

        worksByKeys(cases);
    }

    /** One line per case: no row taller than one line of buttons, no date broken inside, a dozen on screen. */
    private void aCaseALineADozenOnScreen() {
        Map<?, ?> layout = (Map<?, ?>) browser.script("""
                const rows = [...document.querySelectorAll('#inbox-list tr[data-row-key]')];
                return {tallest: Math.max(...rows.map(row => row.getBoundingClientRect().height)),
                    onScreen: rows.filter(row => row.getBoundingClientRect().bottom <= window.innerHeight).length,
                    brokenDates: [...document.querySelectorAll('#inbox-list time')].filter(time => time.getClientRects().length > 1
                        || time.getBoundingClientRect().height > 30).length,
                    wrappedActions: [...document.querySelectorAll('#inbox-list .actions')].filter(group => group.getBoundingClientRect().height > 40).length,
                    width: window.innerWidth};""");
        assertThat(((Number) layout.get("width")).intValue()).isEqualTo(LAPTOP);
        assertThat(((Number) layout.get("tallest")).doubleValue()).isLessThanOrEqualTo(40);
        assertThat(((Number) layout.get("onScreen")).intValue()).isGreaterThanOrEqualTo(12);
        assertThat(((Number) layout.get("brokenDates")).intValue()).isZero();
        assertThat(((Number) layout.get("wrappedActions")).intValue()).isZero();
    }

    /** j/k move between rows, s signs, o opens the objection, Esc closes it: focus never falls to the page. */
    private void worksByKeys(List<String> cases) {
        // j moves to the next row, k back (from the first of this test's cases: those of the other width's run,
        // due earlier, are in the list too)
        List<String> keys = rowKeys();
        int start = keys.indexOf(keys.stream().filter(cases::contains).findFirst().orElseThrow());
        browser.script("document.querySelector(`#inbox-list tr[data-row-key='${arguments[0]}'] a`).focus();",
                keys.get(start));
        new Actions(browser.driver).sendKeys("j").perform();
        assertThat(focusedRow()).isEqualTo(keys.get(start + 1));
        new Actions(browser.driver).sendKeys("j", "k").perform();
        assertThat(focusedRow()).isEqualTo(keys.get(start + 1));

        // s signs the row in focus; focus stays on that row, on its next action, never on the page body
        String signed = keys.get(start + 1);
        new Actions(browser.driver).sendKeys("s").perform();
        browser.until(driver -> actionsOf(signed).contains("reply"));
        browser.until(driver -> signed.equals(focusedRow()));
        // read in one step: the live list may redraw the row (and its button) between a lookup and a read
        assertThat(browser.script("return document.activeElement.tagName;")).isEqualTo("BUTTON");

        // o opens the objection dialog; Esc closes it and focus is back on the button that opened it (on a line with
        // many actions, the objection is in its 更多 menu: focus is back on that menu's button)
        new Actions(browser.driver).sendKeys("j").perform();
        String objected = focusedRow();
        new Actions(browser.driver).sendKeys("o").perform();
        browser.visible(By.cssSelector("dialog[open]"));
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        browser.until(driver -> Boolean.TRUE.equals(browser.script("const focused = document.activeElement;"
                + " return focused.dataset.action === 'object' || (focused.classList.contains('more-toggle')"
                + " && focused.closest('.actions').querySelector('[data-action=\"object\"]') !== null);")));
        assertThat(focusedRow()).isEqualTo(objected);
        assertThat(cases).contains(signed, objected);
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(2)
    void theInboxSortsAndFiltersAndSignsSeveralCasesInOneActionReportingEach(int width) {
        atWidth(width);
        String first = dispatched("day-batch-1-" + width, "供水压力不足");
        String second = dispatched("day-batch-2-" + width, "水管漏水");
        String third = dispatched("day-batch-3-" + width, "水表损坏");
        signIn(HANDLER);
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
        noWiderThanTheScreen("inbox-batch");
        browser.click(By.id("inbox-batch-sign"));
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#inbox-batch-result li.ok"), 2));
        assertThat(browser.driver.findElement(By.id("inbox-batch-result")).getText())
                .contains(caseNumber(first) + "：已签收", caseNumber(second) + "：已签收");
        browser.until(driver -> "IN_HANDLING".equals(view(first).get("status")) && "IN_HANDLING".equals(view(second).get("status")));
        assertThat(view(third)).containsEntry("status", "DISPATCHED");
        noWiderThanTheScreen("inbox-batch-signed");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(3)
    void theCasePageFollowsTheCaseAndTellsAUnitHandlerWhatAppliesToThem(int width) {
        atWidth(width);
        String caseId = dispatched("day-live-1-" + width, "井盖缺失");
        signIn(HANDLER);
        browser.go("/cases/" + caseId);
        browser.visible(By.cssSelector(".actions [data-action='sign']"));
        assertThat(browser.driver.findElements(By.id("masked-phone"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("citizen-hint")).getText()).contains("诉求人信息仅热线工作人员可见");
        assertThat(browser.driver.findElements(By.id("reveal-button"))).isEmpty();
        WebElement lead = browser.driver.findElement(By.cssSelector("#case-units span.unit[title='WATER']"));
        assertThat(lead.getText()).isEqualTo("水务局");
        actionsWithinReach(".actions");
        noWiderThanTheScreen("case-handler");

        // a colleague signs for it: the page follows the case's stream, the sign button goes without a click
        post(otherWaterApi, caseId, "sign", null);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".actions [data-action='sign']")));
        browser.visible(By.cssSelector(".actions [data-action='reply']"));
        noWiderThanTheScreen("case-handler-signed");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(4)
    void theTimelineForThoseWhoDoNotAuditRunsToTheArchivingWithoutRepeatingTheChain(int width) {
        atWidth(width);
        String caseId = dispatched("day-timeline-1-" + width, "路灯闪烁");
        post(waterApi, caseId, "sign", null);
        post(waterApi, caseId, "reply", Map.of("result", "SOLVED", "text", "已更换灯泡"));
        post(operatorApi, caseId, "feedback", Map.of("channel", "PHONE", "satisfaction", "SATISFIED", "solved", true));
        awaitVersion(caseId, post(operatorApi, caseId, "close", null));

        signIn(HANDLER);
        browser.go("/cases/" + caseId);
        browser.visible(By.id("timeline-list"));
        String timeline = browser.driver.findElement(By.id("timeline-list")).getText();
        assertThat(timeline).contains("受理登记", "答复办结", "已更换灯泡", "回访评价", "归档");
        assertThat(timeline).doesNotContain("签收", "派单");
        assertThat(browser.driver.findElement(By.id("case-chain")).getText()).contains("派单", "签收");
        noWiderThanTheScreen("case-timeline");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(5)
    void aRefusalAtIntakeIsInChineseAndCtrlEnterDispatchesRightAfterRegistering(int width) {
        atWidth(width);
        signIn(OPERATOR);
        browser.until(driver -> "intake-phone".equals(browser.focused().getAttribute("id")));
        Actions keys = new Actions(browser.driver);
        keys.sendKeys("12ab", Keys.ENTER, "李四", Keys.ENTER, Keys.ENTER, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER,
                Keys.ENTER, Keys.ENTER, "路灯不亮", Keys.ENTER, "小区东门路灯坏了。").perform();
        keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        assertThat(browser.visible(By.id("intake-phone-error")).getText()).contains("须为电话号码");
        noWiderThanTheScreen("intake-refusal");

        keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("13900139000").perform();
        keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        browser.visible(By.id("intake-next"));
        browser.until(driver -> !driver.findElement(By.id("dispatch-lead")).getAttribute("value").isEmpty());
        assertThat(browser.focused().getAttribute("id")).isEqualTo("disposition-dispatch");
        keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        browser.visible(By.id("intake-outcome"));
        noWiderThanTheScreen("intake-dispatched");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(6)
    void theOverdueBoardSaysWhichLimitWasMissedLongestFirst(int width) {
        atWidth(width);
        // 举报 (reports), the only ones of the day: the board's category filter asks the search for them alone, so they
        // are found on the first page however many complaints are overdue (the board is sorted across all its pages)
        String waiting = dispatched("day-overdue-1-" + width, "供水中断", "REPORT");
        String handling = dispatched("day-overdue-2-" + width, "污水外溢", "REPORT");
        reports.addAll(List.of(waiting, handling));
        awaitVersion(handling, post(waterApi, handling, "sign", null));
        clock.advance(Duration.ofDays(40));
        signIn(SUPERVISOR);
        browser.go("/board");
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("board-category"))).selectByValue("REPORT");
        // the list is drawn twice, the search's lines first and then with each case's view: read it once it is whole
        By waitingRow = By.cssSelector("#board-overdue-body:not([aria-busy]) tr[data-row-key='" + waiting + "']");
        By handlingRow = By.cssSelector("#board-overdue-body:not([aria-busy]) tr[data-row-key='" + handling + "']");
        browser.visible(waitingRow);
        browser.visible(handlingRow);
        assertThat(browser.driver.findElement(waitingRow).getText()).contains("签收时限", "已超期");
        assertThat(browser.driver.findElement(handlingRow).getText()).contains("办结时限", "已超期").doesNotContain("签收时限");
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) browser.script("return [...document.querySelectorAll("
                + "'#board-overdue-body tr[data-row-key]')].map(row => row.dataset.rowKey);");
        assertThat(order.indexOf(waiting)).isLessThan(order.indexOf(handling));
        assertThat(reports).containsAll(order);
        WebElement lead = browser.driver.findElement(By.cssSelector("#board-overdue-body span.unit[title='WATER']"));
        assertThat(lead.getText()).isEqualTo("水务局");
        if (width == PHONE) {
            casesAreCardsWithLabels("#board-overdue-body");
            actionsWithinReach("#board-overdue-body");
        }
        noWiderThanTheScreen("board-supervisor");
        // the row in focus is worked by keys on the board too: j moves on, u opens the urging, Esc hands focus back
        browser.script("arguments[0].focus();", browser.driver.findElement(By.cssSelector(
                "#board-overdue-body tr[data-row-key='" + order.get(0) + "'] a")));
        new Actions(browser.driver).sendKeys("j").perform();
        assertThat(focusedRow()).isEqualTo(order.get(1));
        new Actions(browser.driver).sendKeys("u").perform();
        browser.visible(By.cssSelector("dialog[open]"));
        noWiderThanTheScreen("board-urge-dialog");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        browser.until(driver -> "urge".equals(browser.focused().getAttribute("data-action")));
        assertThat(focusedRow()).isEqualTo(order.get(1));
        // the urging sent from the keyboard: the list is drawn again, its lines first and with each case's view after;
        // focus, held by the line's link in between, comes back to the same line's 催办, not to its first action
        WebElement urged = browser.driver.findElement(By.cssSelector(
                "#board-overdue-body tr[data-row-key='" + order.get(1) + "']"));
        new Actions(browser.driver).sendKeys("u").perform();
        browser.visible(By.cssSelector("dialog[open] textarea")).sendKeys("请今日内办理");
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        browser.until(ExpectedConditions.stalenessOf(urged));
        browser.until(driver -> Boolean.TRUE.equals(browser.script(
                "return !document.getElementById('board-overdue-body').hasAttribute('aria-busy')"
                        + " && document.activeElement.dataset.action === 'urge';")));
        assertThat(focusedRow()).isEqualTo(order.get(1));
        new Actions(browser.driver).sendKeys("k").perform();
        assertThat(focusedRow()).isEqualTo(order.get(0));
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(7)
    void theCoordinatorsBoardTheSearchTheAuditReplayAndTheUnitDirectoryFitTheScreen(int width) {
        atWidth(width);
        String disputed = dispatched("day-disputed-" + width, "排水管堵塞");
        awaitVersion(disputed, post(waterApi, disputed, "objections", Map.of("reason", "不属于本单位职责")));

        // the coordinator's board: the objection to settle first, its actions within reach
        signIn(COORDINATOR);
        browser.go("/board");
        browser.visible(By.cssSelector("#board-objections-body tr[data-row-key='" + disputed + "']"));
        browser.visible(By.cssSelector("#board-objections-body [data-action='designate'][data-case-id='" + disputed + "']"));
        if (width == PHONE) {
            casesAreCardsWithLabels("#board-objections-body");
            actionsWithinReach("#board-objections-body");
        }
        noWiderThanTheScreen("board-coordinator");

        // the search's results: a page of cases, as cards on a phone
        browser.go("/cases");
        browser.visible(By.id("search-total"));
        browser.visible(By.cssSelector("#search-results table.grid tbody tr"));
        if (width == PHONE) {
            casesAreCardsWithLabels("#search-results");
        }
        noWiderThanTheScreen("search");

        // the auditor replays the case step by step
        signIn(AUDITOR);
        browser.go("/audit/" + disputed);
        browser.visible(By.cssSelector("#audit-steps li"));
        browser.click(By.id("audit-prev"));
        browser.visible(By.cssSelector("#audit-as-of .as-of-moment"));
        noWiderThanTheScreen("audit");

        // the administrator's unit directory, the demo directory loaded, one unit open
        TestAccounts.admin(context).post().uri("/api/v1/admin/units/demo-directory").exchange();
        browser.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        browser.go("/units");
        browser.click(By.cssSelector("#units-tree .unit-open[data-unit='HUANCUI']"));
        browser.waitForText(By.id("units-detail-heading"), "环翠区");
        noWiderThanTheScreen("units");
        browser.script("document.getElementById('units-detail-heading').scrollIntoView();");
        noWiderThanTheScreen("units-detail");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(8)
    void theSignInTheCallBacksTheKnowledgeBaseAndTheCitizensTrackingPageFitTheScreen(int width) {
        atWidth(width);
        Map<?, ?> receipt = registered("day-callback-" + width, "路灯不亮");
        String replied = (String) receipt.get("caseId");
        awaitVersion(replied, post(operatorApi, replied, "dispatch", Map.of("leadUnit", "WATER")));
        post(waterApi, replied, "sign", null);
        awaitVersion(replied, post(waterApi, replied, "reply", Map.of("result", "SOLVED", "text", "路灯已修复")));

        browser.driver.manage().deleteAllCookies();
        browser.go("/login");
        browser.visible(By.id("login-username"));
        noWiderThanTheScreen("login");

        // the operator's call-backs: the reply awaiting its evaluation, a card with its form on a phone
        signIn(OPERATOR);
        browser.go("/call-backs");
        browser.visible(By.xpath("//div[@id='callbacks-list']//a[contains(@href, '" + replied + "')]"));
        if (width == PHONE) {
            casesAreCardsWithLabels("#callbacks-list");
        }
        noWiderThanTheScreen("call-backs");

        signIn(EDITOR);
        browser.go("/knowledge");
        browser.visible(By.id("knowledge-list"));
        noWiderThanTheScreen("knowledge");

        // the citizen's page: the case by its number and 查询码, no account (once the citizen's view has the reply)
        browser.until(driver -> {
            org.bson.Document track = mongo.getCollection("citizen_tracks")
                    .find(new org.bson.Document("_id", replied)).first();
            return track != null && "REPLIED".equals(track.getString("status"));
        });
        browser.driver.get("http://localhost:" + port + "/track");
        browser.visible(By.id("track-number")).sendKeys((String) receipt.get("caseNumber"));
        browser.driver.findElement(By.id("track-code")).sendKeys((String) receipt.get("queryCode"));
        noWiderThanTheScreen("track");
        browser.click(By.id("track-submit"));
        browser.visible(By.id("track-status"));
        noWiderThanTheScreen("track-case");
    }

    /**
     * A page left for another stays in the browser's back/forward cache with its scripts paused, and its live stream
     * stayed open: the browser holds six connections to a server, so after six inboxes left that way the next page,
     * and a sign-out, waited for a connection (the page-load test's sign-out never reached the server; opened anew,
     * the console's document took 52 s). Left seven times, the inbox still comes live and the sign-out answers.
     */
    @org.junit.jupiter.api.Test
    @Order(9)
    void anInboxLeftForAnotherPageClosesItsStreamSoTheConsoleStillAnswers() {
        atWidth(LAPTOP);
        signIn(HANDLER);
        for (int left = 0; left < 7; left++) {
            browser.driver.get("about:blank");
            browser.go("/inbox");
            browser.until(driver -> Boolean.TRUE.equals(browser.script(
                    "return document.querySelector('#inbox-live.on') !== null;")));
        }
        // and coming back to a left page (Back): it is live again, its stream opened anew
        browser.driver.navigate().back();
        browser.driver.navigate().forward();
        browser.until(driver -> Boolean.TRUE.equals(browser.script(
                "return document.querySelector('#inbox-live.on') !== null;")));
        signIn(SUPERVISOR);
        assertThat(browser.driver.findElement(By.id("who-name")).getText()).isEqualTo(SUPERVISOR);
    }

    /**
     * The most actions a role gets on an inbox line (a unit handler's case in handling, led by their unit: progress,
     * reply, materials, extension, transfer, down, objection): at 1366 px the line stays one line inside the screen,
     * its first actions side by side and the others in its 更多 menu, which opens inside the screen, folds with Esc
     * and leaves focus on its button; a letter key still starts an action from the menu.
     */
    @org.junit.jupiter.api.Test
    @Order(10)
    void aLineWithEveryActionAHandlerGetsStaysOneLineInsideTheScreen() {
        atWidth(LAPTOP);
        String id = dispatched("day-most-actions", "小区门口路灯不亮且夜间施工噪音扰民已多次反映仍未解决");
        awaitVersion(id, post(waterApi, id, "sign", null));
        signIn(HANDLER);
        browser.until(driver -> actionsOf(id).size() == 7);
        assertThat(actionsOf(id)).containsExactlyInAnyOrder("progress", "reply", "materials", "extension", "transfer",
                "dispatchDown", "object");
        Map<?, ?> line = (Map<?, ?>) browser.script("""
                const row = document.querySelector(`#inbox-list tr[data-row-key='${arguments[0]}']`);
                const wrap = row.closest('.table-wrap');
                const shown = [...row.querySelectorAll('.actions button')].filter(button => button.getClientRects().length);
                return {height: row.getBoundingClientRect().height, right: row.getBoundingClientRect().right,
                    wrapRight: wrap.getBoundingClientRect().right, scrolls: wrap.scrollWidth > wrap.clientWidth,
                    clipped: shown.filter(button => button.getBoundingClientRect().right > wrap.getBoundingClientRect().right)
                        .map(button => button.textContent),
                    shown: shown.length};""", id);
        assertThat(((Number) line.get("height")).doubleValue()).as("the line's height").isLessThanOrEqualTo(40);
        assertThat((Boolean) line.get("scrolls")).as("the inbox table scrolls sideways").isFalse();
        assertThat((List<?>) line.get("clipped")).as("actions cut off").isEmpty();
        assertThat(((Number) line.get("right")).doubleValue()).isLessThanOrEqualTo(((Number) line.get("wrapRight")).doubleValue());
        assertThat(((Number) line.get("shown")).intValue()).as("buttons on the line: three actions and 更多").isEqualTo(4);
        noWiderThanTheScreen("inbox-most-actions");

        // 更多 opens the others inside the screen, the first of them in focus; Esc folds it back onto its button
        browser.click(By.cssSelector("#inbox-list tr[data-row-key='" + id + "'] .more-toggle"));
        browser.until(driver -> Boolean.TRUE.equals(browser.script(
                "return document.activeElement.closest('.more-menu:popover-open') !== null;")));
        Object outside = browser.script("""
                return [...document.querySelectorAll('.more-menu:popover-open button')].filter(button => {
                    const box = button.getBoundingClientRect();
                    return box.left < 0 || box.right > innerWidth || box.top < 0 || box.bottom > innerHeight;
                }).map(button => button.dataset.action);""");
        assertThat((List<?>) outside).as("menu actions outside the screen").isEmpty();
        noWiderThanTheScreen("inbox-more-menu");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(driver -> Boolean.TRUE.equals(browser.script(
                "return document.querySelector('.more-menu:popover-open') === null"
                        + " && document.activeElement.classList.contains('more-toggle');")));

        // t (转办, in the menu) opens its dialog from the line; Esc closes it, and focus stays on the line
        new Actions(browser.driver).sendKeys("t").perform();
        browser.visible(By.cssSelector("dialog[open]"));
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        browser.until(driver -> id.equals(focusedRow()));
    }

    // ------------------------------------------------------------------ helpers

    private Map<?, ?> registered(String requestId, String title) {
        return operatorApi.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestId", requestId, "channel", "HOTLINE", "category", "COMPLAINT",
                        "title", title, "content", "小区门口" + title, "area", "370602",
                        "citizen", Map.of("name", "张三", "phone", "13800138000")))
                .exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
    }

    private String dispatched(String requestId, String title) {
        return dispatched(requestId, title, "COMPLAINT");
    }

    private String dispatched(String requestId, String title, String category) {
        Map<?, ?> receipt = operatorApi.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestId", requestId, "channel", "HOTLINE", "category", category,
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

    /** Every action button in the list inside the screen and big enough to press. */
    private void actionsWithinReach(String listSelector) {
        Object outside = browser.script("""
                return [...document.querySelectorAll(arguments[0] + ' .actions button')].filter(button => {
                    if (!button.getClientRects().length) {
                        return false; // not shown (hidden), so not offered
                    }
                    const box = button.getBoundingClientRect();
                    return box.left < 0 || box.right > innerWidth || box.height < 36 || box.width < 40;
                }).map(button => button.dataset.action + ' ' + button.dataset.caseId);""", listSelector);
        assertThat((List<?>) outside).as("action buttons out of reach in %s", listSelector).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> actionsOf(String id) {
        return (List<String>) browser.script("return [...document.querySelectorAll("
                + "'#inbox-list .actions [data-case-id=\"' + arguments[0] + '\"]')].map(button => button.dataset.action);", id);
    }
}
