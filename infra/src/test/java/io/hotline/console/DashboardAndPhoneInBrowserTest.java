package io.hotline.console;

import io.hotline.kernel.common.Role;
import io.hotline.testing.MutableClock;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's dashboard and the phone layout (issue 21) in headless Chromium, each at a laptop's 1366×768 and a
 * phone's 390×844: the headline cards with 环比 and 同比 computed from cases registered this period, the period before
 * and a year ago; a click from a card, a channel, a table row and a chart's bar to the cases behind it; scores with one
 * decimal; the menu button and case cards on a phone; nothing wider than the screen on any screen; urging an overdue
 * case from the dashboard; the English header on one line. Every screen is photographed at each width into
 * {@code target/screenshots/<width>/<screen>.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.springframework.context.annotation.Import(MovableTime.class)
class DashboardAndPhoneInBrowserTest extends ConsoleBrowserTest {

    private static final String OPERATOR = "op-dash";
    private static final String HANDLER = "water-dash";
    private static final String SUPERVISOR = "su-dash";


    @Autowired
    MutableClock clock;

    private WebTestClient operatorApi;
    private WebTestClient waterApi;
    private final Map<Integer, String> overdueCaseFor = new java.util.HashMap<>();

    /**
     * A year ago one request, 35 days ago (the period before the dashboard's last 30 days) one, and now three: two by
     * phone, one on the web; one of them closed after a call-back, and two sent to WATER and left to go overdue.
     */
    @BeforeAll
    void seed() {
        if (!hasBrowser()) {
            return; // every test is reported skipped by NeedsChromium
        }
        operatorApi = TestAccounts.client(context, OPERATOR, "HOTLINE", Role.OPERATOR);
        waterApi = TestAccounts.client(context, HANDLER, "WATER", Role.UNIT_HANDLER);
        TestAccounts.client(context, SUPERVISOR, "HOTLINE", Role.SUPERVISOR);
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofDays(365)));
        register("dash-last-year", "HOTLINE", "路灯不亮");
        clock.set(now.minus(Duration.ofDays(35)));
        register("dash-before", "HOTLINE", "路灯不亮");
        clock.set(now);
        String closed = register("dash-closed", "HOTLINE", "路灯不亮");
        post(operatorApi, closed, "dispatch", Map.of("leadUnit", "WATER"));
        post(waterApi, closed, "sign", null);
        post(waterApi, closed, "reply", Map.of("result", "SOLVED", "text", "已更换灯泡，路灯恢复照明"));
        post(operatorApi, closed, "feedback", Map.of("channel", "PHONE", "satisfaction", "SATISFIED", "solved", true));
        awaitVersion(operatorApi, closed, post(operatorApi, closed, "close", null));
        for (int width : List.of(LAPTOP, PHONE)) {
            String id = register("dash-overdue-" + width, width == PHONE ? "WEB" : "HOTLINE", "供水压力不足");
            awaitVersion(operatorApi, id, post(operatorApi, id, "dispatch", Map.of("leadUnit", "WATER")));
            overdueCaseFor.put(width, id);
        }
        clock.advance(Duration.ofDays(20));
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(1)
    void theHeadlineCardsCompareWithThePeriodBeforeAndLastYearAndOpenTheCasesBehindThem(int width) {
        atWidth(width);
        signIn(SUPERVISOR);
        browser.go("/dashboard");
        // 受理量: three now, one in the period before, one a year ago: +200.0% both ways, by channel from the search
        browser.wait.until(driver -> text("headline-received").contains("环比 +200.0%")
                && text("headline-received").contains("同比 +200.0%") && text("headline-channels").contains("网站 1"));
        assertThat(textOf(By.cssSelector("#headline-received .kpi-value"))).isEqualTo("3");
        assertThat(text("headline-channels")).contains("12345 电话 2");
        for (String card : List.of("received", "response", "onTimeCompletion", "solved", "satisfaction", "reopen",
                "overdue")) {
            // looked up afresh each time: the live dashboard redraws its cards when a figure changes
            browser.wait.until(driver -> driver.findElements(
                    By.cssSelector("#headline-" + card + " .kpi-deltas .delta")).size() == 2);
        }
        assertThat(text("headline")).contains("受理量", "按时签收率", "按时办结率", "解决率", "满意率", "重办率", "超期件数");
        // the one evaluation said solved and satisfied: rates with one decimal; the year before had none to compare
        assertThat(textOf(By.cssSelector("#headline-satisfaction .kpi-value"))).isEqualTo("100.0%");
        assertThat(text("headline-satisfaction")).contains("1 / 1", "同比 —");
        // no screen calls anything 受理率: the figure counting dispositions is 处置率
        assertThat(text("main")).doesNotContain("受理率").contains("处置率");
        noWiderThanTheScreen("dashboard");

        // a channel opens the cases registered by that channel in the period
        browser.click(By.cssSelector("#headline-channels a[data-channel='WEB']"));
        browser.wait.until(driver -> driver.getCurrentUrl().contains("channel=WEB"));
        browser.waitForText(By.id("search-total"), "共找到 1 件");
        assertThat(text("search-scope")).contains("受理渠道：网站", "受理日期自");
        noWiderThanTheScreen("search-by-channel");

        // 当前在办超期 N 件 counts what its link opens: the two cases sent to WATER 20 days ago and never signed for, as the
        // search finds them against the clock, whether or not the deadline watch has marked them yet
        browser.go("/dashboard");
        browser.visible(By.id("headline-overdue-now"));
        assertThat(browser.driver.findElement(By.id("headline-overdue-now")).getAttribute("href")).contains("overdue=true");
        browser.wait.until(driver -> text("headline-overdue-now").equals("当前在办超期 2 件"));
        browser.click(By.id("headline-overdue-now"));
        browser.waitForText(By.id("search-total"), "共找到 2 件");
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(2)
    void aBarOrATableRowOpensItsUnitsCasesAndScoresHaveOneDecimalAndChartLabelsFit(int width) {
        atWidth(width);
        signIn(SUPERVISOR);
        browser.go("/dashboard");
        browser.visible(By.cssSelector("#chart-compare canvas"));
        // every chart keeps its axis labels inside its own area (ECharts' containLabel) and fits its panel
        Object fit = browser.script("""
                return [...document.querySelectorAll('.chart')].every(chart => {
                    const canvas = chart.querySelector('canvas');
                    return canvas && canvas.getBoundingClientRect().right <= chart.parentElement.getBoundingClientRect().right + 1
                        && canvas.getBoundingClientRect().width <= innerWidth;
                });""");
        assertThat(fit).isEqualTo(true);
        Object contained = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/webjars/echarts/dist/echarts.esm.min.js').then(echarts => done(['chart-trend', 'chart-compare',
                    'chart-ranking'].map(id => echarts.getInstanceByDom(document.getElementById(id)))
                    .every(chart => chart && chart.getOption().grid[0].containLabel === true)));""");
        assertThat(contained).isEqualTo(true);
        // scores out of 100 with one decimal
        List<String> scores = browser.driver.findElements(By.cssSelector("#ranking td.score")).stream()
                .map(WebElement::getText).toList();
        assertThat(scores).allMatch(score -> score.matches("\\d+\\.\\d"));

        // the bar of WATER's 按时办结率 in the comparison by unit opens WATER's cases of the period
        Object bar = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/webjars/echarts/dist/echarts.esm.min.js').then(echarts => {
                    const element = document.getElementById('chart-compare');
                    element.scrollIntoView({block: 'center'});
                    const chart = echarts.getInstanceByDom(element);
                    const index = chart.getOption().xAxis[0].data.findIndex(name => name.includes('水务'));
                    const [x, y] = chart.convertToPixel({seriesIndex: 0}, [index, 50]);
                    const box = element.getBoundingClientRect();
                    done([x - box.width / 2, y - box.height / 2, index]);
                });""");
        List<?> offsets = (List<?>) bar;
        assertThat(((Number) offsets.get(2)).intValue()).isNotNegative();
        new Actions(browser.driver).moveToElement(browser.driver.findElement(By.id("chart-compare")),
                ((Number) offsets.get(0)).intValue(), ((Number) offsets.get(1)).intValue()).click().perform();
        browser.wait.until(driver -> driver.getCurrentUrl().contains("unit=WATER"));
        browser.visible(By.id("search-total"));
        assertThat(text("search-scope")).contains("单位");
        browser.waitForText(By.id("search-total"), "共找到 3 件");
        assertThat(text("search-results")).contains("供水压力不足", "路灯不亮");

        // a unit's row in the breakdown table opens the same search
        browser.go("/dashboard");
        browser.click(By.xpath("//section[@id='breakdown']//a[contains(@href, 'unit=WATER')]"));
        browser.wait.until(driver -> driver.getCurrentUrl().contains("unit=WATER"));
        browser.visible(By.id("search-total"));
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(3)
    void everyScreenFitsTheWidthAndOnAPhoneTheNavigationFoldsAndCasesAreCards(int width) {
        atWidth(width);
        signIn(SUPERVISOR);
        WebElement toggle = browser.driver.findElement(By.id("nav-toggle"));
        if (width == PHONE) {
            assertThat(toggle.isDisplayed()).isTrue();
            assertThat(browser.driver.findElement(By.id("app-nav")).isDisplayed()).isFalse();
            toggle.click();
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
            browser.screenshot("menu");
            browser.click(By.cssSelector("#app-nav a[href='#/cases']"));
            browser.visible(By.id("search-total"));
            assertThat(browser.driver.findElement(By.id("app-nav")).isDisplayed()).isFalse();
            // the search results as cards: one block per case, the column heads kept for screen readers only
            Object cards = browser.script("""
                    const row = document.querySelector('#search-results table.grid tbody tr');
                    const head = document.querySelector('#search-results table.grid thead');
                    return row && getComputedStyle(row).display === 'block' && head.getBoundingClientRect().height <= 1;""");
            assertThat(cards).isEqualTo(true);
            casesAreCardsWithLabels("#search-results");
        } else {
            assertThat(toggle.isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.id("app-nav")).isDisplayed()).isTrue();
        }
        String anyCase = overdueCaseFor.get(width);
        for (String screen : List.of("/inbox", "/board", "/cases", "/cases/" + anyCase, "/dashboard", "/audit/" + anyCase)) {
            browser.go(screen);
            browser.visible(By.cssSelector("#main h1"));
            settled();
            noWiderThanTheScreen("supervisor-" + screen.replaceAll("^/", "").replaceAll("/.*", "")
                    + (screen.lastIndexOf('/') > 0 ? "-case" : ""));
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    @Order(4)
    void theSupervisorUrgesAnOverdueCaseFromTheDashboard(int width) {
        atWidth(width);
        String caseId = overdueCaseFor.get(width);
        long before = version(caseId);
        signIn(SUPERVISOR);
        browser.go("/dashboard");
        By urge = By.cssSelector("#dash-overdue [data-action='urge'][data-case-id='" + caseId + "']");
        WebElement button = browser.visible(urge);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        Object inside = browser.script("const box = arguments[0].getBoundingClientRect();"
                + " return box.left >= 0 && box.right <= innerWidth && box.width >= 40 && box.height >= 36;", button);
        assertThat(inside).isEqualTo(true);
        if (width == PHONE) {
            casesAreCardsWithLabels("#dash-overdue");
        }
        browser.screenshot("dashboard-overdue");
        browser.click(urge);
        browser.visible(By.cssSelector("dialog[open] textarea")).sendKeys("请今日内办理");
        noWiderThanTheScreen("urge-dialog");
        browser.driver.findElement(By.cssSelector("dialog[open] button[type='submit']")).click();
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        browser.wait.until(driver -> version(caseId) > before);
    }

    @Test
    @Order(5)
    void inEnglishTheNavigationStaysOnOneLineAtALaptopsWidth() {
        atWidth(LAPTOP);
        signIn(SUPERVISOR);
        browser.go("/dashboard");
        browser.click(By.id("lang-switch"));
        browser.waitForText(By.id("app-nav"), "Dashboard");
        browser.visible(By.id("headline-received"));
        Object oneLine = browser.script("""
                const tops = [...document.querySelectorAll('#app-nav a')].map(a => Math.round(a.getBoundingClientRect().top));
                const single = [...document.querySelectorAll('#app-nav a')].every(a => a.getClientRects().length === 1);
                return tops.length > 3 && new Set(tops).size === 1 && single;""");
        assertThat(oneLine).isEqualTo(true);
        assertThat(text("headline")).contains("Requests received", "vs previous period", "vs last year");
        noWiderThanTheScreen("dashboard-en");
        // the operator has the longest navigation (intake, call-backs, the knowledge base too): still one line
        browser.signIn(OPERATOR, TestAccounts.passwordFor(OPERATOR));
        browser.waitForText(By.id("app-nav"), "Call-backs");
        assertThat(browser.script("""
                const tops = [...document.querySelectorAll('#app-nav a')].map(a => Math.round(a.getBoundingClientRect().top));
                return tops.length > 5 && new Set(tops).size === 1
                    && [...document.querySelectorAll('#app-nav a')].every(a => a.getClientRects().length === 1);"""))
                .isEqualTo(true);
        noWiderThanTheScreen("intake-en");
        browser.click(By.id("lang-switch"));
        browser.waitForText(By.id("app-nav"), "统计分析");
    }

    // ------------------------------------------------------------------ helpers

    /** Waits a little for the screen's lists to arrive; a list the board loads only when scrolled to may stay. */
    private void settled() {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(8))
                    .until(driver -> driver.findElements(By.cssSelector("#main .loading")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException stillLoading) {
            // the layout is measured as it is: a list still loading is narrower than a loaded one, never wider
        }
    }

    private String text(String id) {
        return textOf(By.id(id));
    }

    /** The element's text, looked up again if the live dashboard redrew it between the lookup and the read. */
    private String textOf(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.driver.findElement(by).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 5) {
                    throw redrawn;
                }
            }
        }
    }

    private String register(String requestId, String channel, String title) {
        Map<?, ?> receipt = operatorApi.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestId", requestId, "channel", channel, "category", "COMPLAINT",
                        "title", title, "content", "小区门口" + title, "area", "370602",
                        "citizen", Map.of("name", "张三", "phone", "13800138000")))
                .exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
        return (String) receipt.get("caseId");
    }

    private long version(String id) {
        Map<?, ?> view = operatorApi.get().uri("/api/v1/cases/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) view.get("version")).longValue();
    }
}
