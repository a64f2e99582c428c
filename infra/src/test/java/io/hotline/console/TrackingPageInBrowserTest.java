package io.hotline.console;

import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizens' tracking page (/track) in headless Chromium, on its own: the citizen types the case number and the
 * 查询码, sees the case in plain words with the unit named, rates the reply on the web, and reads it again in English.
 * A wrong code is told plainly. Reported skipped where Chromium is not installed ({@link NeedsChromium}).
 */
class TrackingPageInBrowserTest extends ConsoleBrowserTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    EventStore eventStore;
    @Autowired
    MongoTemplate mongo;

    @Test
    void theCitizenFollowsTheCaseAndRatesTheReplyWithoutAnAccount() {
        WebTestClient operator = TestAccounts.client(context, "op-track", "HOTLINE", Role.OPERATOR);
        WebTestClient urban = TestAccounts.client(context, "ub-track", "URBAN-MGMT", Role.UNIT_HANDLER);
        Map<String, Object> receipt = operator.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"requestId":"call-track-1","channel":"HOTLINE","category":"COMPLAINT","urgency":"NORMAL",
                         "title":"路灯不亮","content":"小区门口路灯坏了三天","citizen":{"name":"张三","phone":"13800138000"},
                         "area":"370602"}""").exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String caseId = (String) receipt.get("caseId");
        String number = (String) receipt.get("caseNumber");
        String code = (String) receipt.get("queryCode");
        act(operator, caseId, "dispatch", Map.of("leadUnit", "URBAN-MGMT"));
        act(urban, caseId, "sign", null);
        act(urban, caseId, "reply", Map.of("result", "SOLVED", "text", "路灯已修复，恢复照明。"));
        browser.until(driver -> {
            Document track = mongo.getCollection("citizen_tracks").find(new Document("_id", caseId)).first();
            return track != null && "REPLIED".equals(track.getString("status"));
        });

        browser.driver.get("http://localhost:" + port + "/track");
        lookUp(number, code.equals("AAAAAA") ? "BBBBBB" : "AAAAAA");
        browser.waitForText(By.id("track-error"), "没有找到");

        lookUp(number, code.toLowerCase(Locale.ROOT));
        browser.waitForText(By.id("track-status"), "办理单位已答复");
        assertThat(browser.driver.findElement(By.id("track-steps")).getText())
                .contains("12345 热线受理了您的诉求", "派给 城市管理局 办理", "城市管理局 答复了您")
                .doesNotContain("张三", "13800138000", "ub-track", "op-track");
        assertThat(browser.driver.findElement(By.id("track-reply")).getText()).isEqualTo("路灯已修复，恢复照明。");
        browser.visible(By.id("track-evaluation-form"));
        browser.screenshot("track-01-case");

        browser.click(By.id("track-satisfaction-SATISFIED"));
        browser.click(By.id("track-solved-true"));
        browser.driver.findElement(By.id("track-comment")).sendKeys("灯亮了，谢谢");
        browser.click(By.id("track-evaluate"));
        browser.waitForText(By.id("track-evaluated"), "感谢");
        browser.screenshot("track-02-rated");
        assertThat(eventStore.readEvents(caseId).asStream().map(DomainEventMessage::getPayload)
                .filter(FeedbackRecorded.class::isInstance).map(FeedbackRecorded.class::cast))
                .singleElement().satisfies(feedback -> {
                    assertThat(feedback.channel()).isEqualTo(FeedbackChannel.WEB);
                    assertThat(feedback.comment()).isEqualTo("灯亮了，谢谢");
                });

        browser.click(By.id("track-lang"));
        browser.waitForText(By.id("track-status"), "The unit has replied.");
        assertThat(browser.driver.findElement(By.id("track-steps")).getText()).contains("Sent to");
    }

    @Test
    void anOperatorCallsBackFromTheWorkbenchAndTheCaseLeavesIt() {
        WebTestClient operator = TestAccounts.client(context, "op-callback", "HOTLINE", Role.OPERATOR);
        WebTestClient urban = TestAccounts.client(context, "ub-callback", "URBAN-MGMT", Role.UNIT_HANDLER);
        Map<String, Object> receipt = operator.post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"requestId":"call-callback-1","channel":"HOTLINE","category":"HELP","urgency":"NORMAL",
                         "title":"井盖缺失","content":"路口井盖缺失","citizen":{"name":"李四","phone":"13900139000"},
                         "area":"370602"}""").exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String caseId = (String) receipt.get("caseId");
        act(operator, caseId, "dispatch", Map.of("leadUnit", "URBAN-MGMT"));
        act(urban, caseId, "sign", null);
        act(urban, caseId, "reply", Map.of("result", "SOLVED", "text", "井盖已补装。"));

        browser.signIn("op-callback", TestAccounts.passwordFor("op-callback"));
        assertThat(browser.visible(By.id("app-nav")).getText()).contains("电话回访");
        By form = By.cssSelector("form.callback-form[data-case-id='" + caseId + "']");
        browser.go("/call-backs");
        // the list follows its read model: ask again until the reply is there
        browser.until(driver -> {
            if (!driver.findElements(form).isEmpty()) {
                return true;
            }
            driver.findElement(By.id("callbacks-refresh")).click();
            return null;
        });
        WebElement row = browser.visible(form).findElement(By.xpath("ancestor::tr"));
        assertThat(row.getText()).contains("井盖已补装", "139****9000").doesNotContain("13900139000");
        browser.screenshot("track-03-call-backs");

        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("callback-level-" + caseId)))
                .selectByValue("SATISFIED");
        browser.click(By.cssSelector("form.callback-form[data-case-id='" + caseId + "'] button[type=submit]"));
        browser.until(driver -> {
            if (driver.findElements(form).isEmpty()) {
                return true;
            }
            driver.findElement(By.id("callbacks-refresh")).click();
            return null;
        });
        assertThat(eventStore.readEvents(caseId).asStream().map(DomainEventMessage::getPayload)
                .filter(FeedbackRecorded.class::isInstance).map(FeedbackRecorded.class::cast))
                .singleElement().extracting(FeedbackRecorded::channel).isEqualTo(FeedbackChannel.PHONE);
    }

    private void lookUp(String number, String code) {
        WebElement numberField = browser.visible(By.id("track-number"));
        numberField.clear();
        numberField.sendKeys(number);
        WebElement codeField = browser.driver.findElement(By.id("track-code"));
        codeField.clear();
        codeField.sendKeys(code);
        browser.click(By.id("track-submit"));
    }

    private static void act(WebTestClient http, String caseId, String action, Object body) {
        WebTestClient.RequestBodySpec spec = http.post().uri("/api/v1/cases/{id}/" + action, caseId)
                .contentType(MediaType.APPLICATION_JSON);
        (body == null ? spec.exchange() : spec.bodyValue(body).exchange()).expectStatus().isOk();
    }
}
