package io.hotline.console;

import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispatch by level (分级派单) through the console in headless Chromium, with the demo directory of 威海市: the
 * district (环翠区) sends a case it signed for down to a street (鲸园街道) from its inbox, the street signs and replies
 * there, the reply goes up for review, and the district approves it on the case page, which shows the chain of
 * responsibility by level. At a laptop's 1366 px and a phone's 390 px: each screen photographed into
 * {@code target/screenshots/<width>/}, nothing on it wider than the screen; reported skipped where chromium is not
 * installed ({@link NeedsChromium}).
 */
class DispatchByLevelInBrowserTest extends ConsoleBrowserTest {

    private static final String DISTRICT = "hc-console";
    private static final String STREET = "jy-console";

    private WebTestClient operatorApi;
    private WebTestClient districtApi;

    @BeforeAll
    void accounts() {
        if (!hasBrowser()) {
            return; // the test is reported skipped by NeedsChromium
        }
        TestAccounts.admin(context).post().uri("/api/v1/admin/units/demo-directory").exchange()
                .expectStatus().isOk();
        operatorApi = TestAccounts.client(context, "op-levels", "HOTLINE", Role.OPERATOR);
        districtApi = TestAccounts.client(context, DISTRICT, "HUANCUI", Role.UNIT_HANDLER);
        TestAccounts.client(context, STREET, "HC-JINGYUAN", Role.UNIT_HANDLER);
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    void theDistrictSendsDownTheStreetRepliesAndTheDistrictApproves(int width) {
        atWidth(width);
        String caseId = register("call-levels-browser-" + width);
        post(operatorApi, caseId, "dispatch", Map.of("leadUnit", "HUANCUI"));
        awaitVersion(operatorApi, caseId, post(districtApi, caseId, "sign", null));

        // the district sends the case down to its street from the inbox
        browser.signIn(DISTRICT, TestAccounts.passwordFor(DISTRICT));
        browser.visible(caseRow(caseId));
        browser.until(driver -> actionsOf(caseId).contains("dispatchDown"));
        noWiderThanTheScreen("levels-00-district-inbox");
        browser.clickAction(caseId, "dispatchDown");
        browser.visible(By.cssSelector("dialog[open] input[name='toUnit']")).sendKeys("HC-JINGYUAN");
        browser.driver.findElement(By.cssSelector("dialog[open] textarea[name='instructions']")).sendKeys("请属地核实处理");
        noWiderThanTheScreen("levels-01-dispatch-down");
        submitDialog();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        browser.until(driver -> "HC-JINGYUAN".equals(view(caseId).get("leadUnit")));
        browser.waitForText(caseRow(caseId), "已下派");

        // the street signs and replies: the reply is a draft for the district's review
        browser.signIn(STREET, TestAccounts.passwordFor(STREET));
        browser.visible(caseRow(caseId));
        browser.until(driver -> actionsOf(caseId).contains("sign"));
        browser.click(By.cssSelector("[data-action='sign'][data-case-id='" + caseId + "']"));
        browser.until(driver -> actionsOf(caseId).contains("reply"));
        noWiderThanTheScreen("levels-01-street-inbox");
        browser.click(By.cssSelector("[data-action='reply'][data-case-id='" + caseId + "']"));
        browser.visible(By.cssSelector("dialog[open] textarea")).sendKeys("路灯已修复，恢复照明。");
        submitDialog();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        browser.until(driver -> view(caseId).get("pendingReview") != null);
        assertThat(view(caseId)).containsEntry("status", "IN_HANDLING");

        // the district sees the draft waiting for it, reads the levels on the case page and approves
        browser.signIn(DISTRICT, TestAccounts.passwordFor(DISTRICT));
        browser.waitForText(caseRow(caseId), "下级答复待审核");
        assertThat(actionsOf(caseId)).contains("approveReply", "returnReply");
        noWiderThanTheScreen("levels-02-district-inbox-review");
        browser.go("/cases/" + caseId);
        // units by name, the code on hover (issue 20)
        browser.visible(By.cssSelector("#levels-list span.unit[title='HC-JINGYUAN']"));
        browser.visible(By.cssSelector("#levels-list span.unit[title='HUANCUI']"));
        String levels = browser.driver.findElement(By.id("levels-list")).getText();
        assertThat(levels).contains("第 1 级", "第 2 级", "对 热线 负责", "正在办理");
        assertThat(browser.visible(By.id("pending-review")).getText()).contains("路灯已修复，恢复照明。");
        noWiderThanTheScreen("levels-02-case-page-review");
        browser.click(By.cssSelector("[data-action='approveReply']"));
        browser.visible(By.cssSelector("dialog[open] textarea[name='comment']")).sendKeys("同意");
        submitDialog();
        browser.until(driver -> "REPLIED".equals(view(caseId).get("status")));
        browser.waitForText(By.id("last-review"), "审核通过");
        assertThat(((Map<?, ?>) view(caseId).get("lastReply")).get("unit")).isEqualTo("HC-JINGYUAN");
        noWiderThanTheScreen("levels-03-approved");
    }

    // ------------------------------------------------------------------ helpers

    private String register(String requestId) {
        Map<?, ?> receipt = operatorApi.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestId", requestId, "channel", "HOTLINE", "category", "COMPLAINT",
                        "title", "路灯不亮", "content", "小区门口路灯坏了三天", "area", "370602",
                        "citizen", Map.of("name", "张三", "phone", "13800138000")))
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

    private void submitDialog() {
        browser.driver.findElement(By.cssSelector("dialog[open] button[type='submit']")).click();
    }
}
