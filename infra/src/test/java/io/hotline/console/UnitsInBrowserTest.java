package io.hotline.console;

import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit directory in headless Chromium: the administrator loads the demo directory of 威海市 on the units screen,
 * finds a street by name and opens it, sees a bad file refused with every problem listed, renames the street, and
 * sees the dispatch catalogue's entries that name a unit gone out of service; an operator
 * registers a call in 环翠区, is offered the district beside the department, and picks the lead and an assisting unit
 * from the unit tree by typing their names; a coordinator picks the unit's inbox the same way.
 */
class UnitsInBrowserTest extends ConsoleBrowserTest {

    private static final String OPERATOR = "op-units";
    private static final String COORDINATOR = "co-units";

    private WebTestClient operatorApi;
    private WebTestClient admin;

    @BeforeAll
    void accounts() {
        if (!hasBrowser()) {
            return; // every test is reported skipped by NeedsChromium
        }
        operatorApi = TestAccounts.client(context, OPERATOR, "HOTLINE", Role.OPERATOR);
        admin = TestAccounts.admin(context);
        TestAccounts.client(context, COORDINATOR, "HOTLINE", Role.COORDINATOR);
    }

    @Test
    void theAdministratorLoadsTheDemoDirectoryAndAnOperatorPicksUnitsFromTheTree() {
        browser.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        assertThat(browser.driver.findElement(By.id("app-nav")).getText()).contains("单位目录");
        browser.go("/units");
        browser.waitForText(By.id("units-tree"), "单位目录为空");
        browser.waitForText(By.id("units-problems"), "单位目录为空");

        browser.click(By.id("units-demo"));
        browser.visible(By.cssSelector("#units-tree .unit-open[data-unit='HUANCUI']"));
        assertThat(browser.driver.findElement(By.cssSelector("#units-tree .unit-open[data-unit='HUANCUI']"))
                .getAttribute("title")).isEqualTo("HUANCUI");
        browser.waitForText(By.id("units-problems"), "均指向在用单位");

        browser.visible(By.id("units-search")).sendKeys("鲸园");
        browser.click(By.cssSelector("#units-tree .unit-open[data-unit='HC-JINGYUAN']"));
        browser.waitForText(By.id("units-detail-heading"), "环翠区鲸园街道办事处");
        assertThat(browser.driver.findElement(By.id("units-detail")).getText()).contains("环翠区 › 鲸园街道", "镇街");
        browser.screenshot("units-screen");

        // a bad file is refused as a whole, every problem listed by row
        browser.click(By.id("units-import"));
        browser.visible(By.id("units-csv")).sendKeys("code,fullName,shortName,kind,parent,areaCodes,contact,inServiceFrom\n"
                + "X-STREET,某街道,某街道,STREET,NO-SUCH,37100,,2020-01-01\n"
                + "HUANCUI,重复,重复,DISTRICT,,,,2020-01-01\n");
        browser.click(By.cssSelector("dialog[open] button[type='submit']"));
        browser.waitForText(By.id("units-import-errors"), "PARENT_UNKNOWN");
        assertThat(browser.driver.findElement(By.id("units-import-errors")).getText())
                .contains("AREA_CODE_FORMAT", "CODE_TAKEN", "上级单位不在目录中");
        assertThat(browser.driver.findElement(By.cssSelector("dialog[open] .problem")).getText()).contains("3 处错误");
        browser.screenshot("units-import-refused");
        browser.click(By.cssSelector("dialog[open] button.secondary"));

        // a unit leaves service behind the screen's back: renaming another one refreshes the catalogue's problems
        admin.post().uri("/api/v1/admin/units/MARKET-REG/retire").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lastDay", "2021-06-30", "successor", "URBAN-MGMT")).exchange().expectStatus().isOk();
        browser.click(By.id("unit-rename"));
        WebElement shortName = browser.visible(By.cssSelector("dialog[open] input[name='shortName']"));
        shortName.clear();
        shortName.sendKeys("鲸园新街道");
        browser.click(By.cssSelector("dialog[open] button[type='submit']"));
        browser.waitForText(By.id("units-detail"), "鲸园新街道");
        browser.waitForText(By.id("units-problems"), "单位已停止服务");
        assertThat(browser.driver.findElement(By.id("units-problems")).getText()).contains("市城管局");

        // the operator registers a call in 环翠区 (an area the directory's district serves)
        // opening the console anew, as an operator does at the start of a shift: the units are still shown by name
        browser.signInAfresh(OPERATOR, TestAccounts.passwordFor(OPERATOR));
        browser.visible(By.id("intake-phone")).sendKeys("13800138000");
        browser.driver.findElement(By.id("intake-name")).sendKeys("李四");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#intake-area option[value='371002']")));
        new Select(browser.driver.findElement(By.id("intake-area"))).selectByValue("371002");
        browser.driver.findElement(By.id("intake-title")).sendKeys("小区供暖不热");
        browser.driver.findElement(By.id("intake-content")).sendKeys("室温只有十五度");
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();

        // the catalogue proposes its department and, beside it, the district serving the area
        browser.waitForText(By.id("dispatch-proposal"), "环翠区");
        assertThat(browser.driver.findElement(By.id("dispatch-proposal")).getText()).contains("市城管局");
        browser.click(By.id("dispatch-proposal-use-district"));
        assertThat(browser.driver.findElement(By.id("dispatch-lead")).getAttribute("value")).isEqualTo("HUANCUI");

        // the lead unit picked from the tree by name, with the keyboard
        WebElement lead = browser.driver.findElement(By.id("dispatch-lead"));
        lead.sendKeys(Keys.chord(Keys.CONTROL, "a"), "文登");
        browser.visible(By.cssSelector("#dispatch-form .unit-option[data-unit='WENDENG']"));
        lead.sendKeys(Keys.ARROW_DOWN);
        browser.until(ExpectedConditions.attributeToBe(By.cssSelector("#dispatch-form .unit-option[data-unit='WENDENG']"),
                "aria-selected", "true"));
        lead.sendKeys(Keys.ENTER);
        assertThat(lead.getAttribute("value")).isEqualTo("WENDENG");
        browser.waitForText(By.cssSelector("#dispatch-form .unit-picked"), "文登区");

        // an assisting unit found in the tree and ticked
        WebElement other = browser.driver.findElement(By.cssSelector("#dispatch-form [name='otherAssisting']"));
        other.sendKeys("水务");
        browser.click(By.cssSelector("#dispatch-form .unit-option[data-unit='WATER']"));
        assertThat(browser.driver.findElement(By.cssSelector("#dispatch-form input[name='assistingUnits'][value='WATER']"))
                .isSelected()).isTrue();
        browser.screenshot("units-picker");
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();

        WebElement outcome = browser.visible(By.id("intake-outcome"));
        assertThat(outcome.getText()).contains("文登区");
        String caseId = outcome.findElement(By.tagName("a")).getAttribute("href").replaceAll(".*#/cases/", "");
        browser.until(driver -> "WENDENG".equals(view(caseId).get("leadUnit")));
        assertThat(view(caseId).get("assistingUnits")).isEqualTo(List.of("WATER"));

        // a coordinator picks the district's inbox from the tree
        browser.signIn(COORDINATOR, TestAccounts.passwordFor(COORDINATOR));
        browser.go("/inbox");
        WebElement unit = browser.visible(By.id("inbox-unit"));
        unit.sendKeys(Keys.chord(Keys.CONTROL, "a"), "文登");
        browser.visible(By.cssSelector(".unit-option[data-unit='WENDENG']"));
        unit.sendKeys(Keys.ARROW_DOWN);
        browser.until(ExpectedConditions.attributeToBe(By.cssSelector(".unit-option[data-unit='WENDENG']"),
                "aria-selected", "true"));
        unit.sendKeys(Keys.ENTER);
        unit.sendKeys(Keys.ENTER);
        browser.waitForText(By.id("inbox-heading"), "文登区");
        browser.visible(By.cssSelector("#inbox-list a[href='#/cases/" + caseId + "']"));
    }

    private Map<?, ?> view(String caseId) {
        return operatorApi.get().uri("/api/v1/cases/" + caseId).exchange().expectBody(Map.class).returnResult()
                .getResponseBody();
    }
}
