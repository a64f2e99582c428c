package io.hotline.console;

import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base in headless Chromium: the knowledge editor publishes a unit's submitted article from the
 * knowledge screen, then an operator typing a caller's words sees it beside the intake form and answers the call
 * with it in one action: the case is registered and resolved at intake, citing the article's version. At a laptop's
 * 1366 px and a phone's 390 px, each screen (the unit's article form, the editor's list and article, the intake's
 * knowledge panel) photographed into {@code target/screenshots/<width>/} and nothing on it wider than the screen.
 */
class KnowledgeInBrowserTest extends ConsoleBrowserTest {

    private static final String OPERATOR = "op-knowledge";
    private static final String EDITOR = "ke-knowledge";
    private static final String KEEPER = "wa-knowledge";
    private static final String ANSWER = "计划停水提前24小时公告；抢修一般12小时内恢复供水。";

    private WebTestClient operatorApi;
    private WebTestClient waterApi;

    @BeforeAll
    void accounts() {
        if (!hasBrowser()) {
            return; // every test is reported skipped by NeedsChromium
        }
        operatorApi = TestAccounts.client(context, OPERATOR, "HOTLINE", Role.OPERATOR);
        waterApi = TestAccounts.client(context, KEEPER, "WATER", Role.UNIT_HANDLER);
        TestAccounts.client(context, EDITOR, "HOTLINE", Role.KNOWLEDGE_EDITOR);
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {LAPTOP, PHONE})
    void theEditorPublishesAnArticleAndTheOperatorAnswersACallWithIt(int width) {
        atWidth(width);
        String articleId = (String) waterApi.post().uri("/api/v1/knowledge/articles")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("question", "停水了什么时候恢复供水？（" + width + "）", "answer", ANSWER,
                        "policyBasis", Map.of("documentName", "城市供水条例", "documentNumber", "国务院令第158号"),
                        "category", "CONSULTATION", "areas", List.of("3706"), "keywords", List.of("停水")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("articleId");
        waterApi.post().uri("/api/v1/knowledge/articles/" + articleId + "/submission").exchange()
                .expectStatus().isOk();

        // the unit keeps its articles: the article form, opened and closed again
        browser.signIn(KEEPER, TestAccounts.passwordFor(KEEPER));
        browser.go("/knowledge");
        browser.visible(By.cssSelector("#knowledge-list [data-article='" + articleId + "']"));
        noWiderThanTheScreen("knowledge-unit");
        browser.click(By.id("knowledge-new"));
        browser.visible(By.id("article-question"));
        noWiderThanTheScreen("knowledge-article-form");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));

        // the editor starts on the knowledge screen, with the articles awaiting review
        browser.signIn(EDITOR, TestAccounts.passwordFor(EDITOR));
        browser.visible(By.cssSelector("#knowledge-list [data-article='" + articleId + "']"));
        noWiderThanTheScreen("knowledge-review-list");
        browser.click(By.cssSelector("#knowledge-list [data-article='" + articleId + "']"));
        browser.visible(By.id("knowledge-approve"));
        noWiderThanTheScreen("knowledge-review-article");
        browser.click(By.id("knowledge-approve"));
        browser.waitForText(By.id("knowledge-detail"), "已发布第 1 版");
        assertThat(browser.driver.findElement(By.id("knowledge-detail")).getText()).doesNotContain("null");
        noWiderThanTheScreen("knowledge-screen");

        // the operator types the caller's words; the article is offered beside the form
        browser.signIn(OPERATOR, TestAccounts.passwordFor(OPERATOR));
        browser.visible(By.id("intake-phone")).sendKeys("13800138000");
        browser.driver.findElement(By.id("intake-name")).sendKeys("张三");
        browser.driver.findElement(By.id("intake-title")).sendKeys("家里停水了");
        browser.driver.findElement(By.id("intake-content")).sendKeys("早上开始没水，想问什么时候恢复");
        browser.visible(By.cssSelector("#knowledge-panel [data-article='" + articleId + "']"));
        browser.script("document.getElementById('knowledge-panel').scrollIntoView();");
        noWiderThanTheScreen("knowledge-panel");

        // one action: registered, then resolved at intake with the article's answer and version recorded
        browser.click(By.cssSelector("#knowledge-panel [data-article='" + articleId + "'] .answer-with-article"));
        WebElement outcome = browser.visible(By.id("intake-outcome"));
        assertThat(outcome.getText()).contains("已按知识条目直接办结");
        assertThat(browser.driver.findElement(By.id("intake-article-answer")).getText()).isEqualTo(ANSWER);
        noWiderThanTheScreen("knowledge-panel-answered");
        String caseId = outcome.findElement(By.tagName("a")).getAttribute("href").replaceAll(".*#/cases/", "");
        browser.until(driver -> "RESOLVED_AT_INTAKE".equals(view(caseId).get("status")));
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#intake-next button[type='submit']:enabled"), 0));
    }

    private Map<?, ?> view(String caseId) {
        return operatorApi.get().uri("/api/v1/cases/" + caseId).exchange().expectBody(Map.class).returnResult()
                .getResponseBody();
    }
}
