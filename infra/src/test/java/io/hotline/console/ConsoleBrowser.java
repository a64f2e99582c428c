package io.hotline.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by Selenium with
 * both paths set explicitly, so nothing is ever downloaded. Tests that use it are skipped (with a message) on a
 * machine without them. The page is set to a laptop's or a phone's width with {@link #atWidth}; screenshots go to
 * {@code infra/target/screenshots/<width>/<screen>.png}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    /** The two shared cores are busy: waits are patient. */
    static final Duration PATIENCE = Duration.ofSeconds(40);

    final WebDriver driver;
    final WebDriverWait wait;
    private final String base;
    private final Path profile;
    /** The page's width set by {@link #atWidth}; 0 while the window is as opened. */
    private int width;

    private ConsoleBrowser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("hotline-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--window-size=1440,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100));
        // live screens redraw themselves: an element found a moment ago may be replaced by the time it is read
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Whether Debian's chromium and chromium-driver are installed. */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Under CI ({@code CI=true}) the browser tests must run, never be skipped. */
    static boolean requiredByCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * A browser against the app at {@code base}. Test classes that use it carry {@link NeedsChromium}, which skips
     * their tests one by one where Chromium or its driver is absent (and fails them under CI).
     */
    static ConsoleBrowser open(String base) {
        if (!installed()) {
            throw new IllegalStateException("Debian's chromium and chromium-driver are required ("
                    + CHROMIUM + ", " + CHROMEDRIVER + ")");
        }
        try {
            return new ConsoleBrowser(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Navigates to {@code hashPath} with a watcher installed before the page's own scripts run, and answers the
     * milliseconds from the start of the navigation until the JavaScript expression {@code shownWhen} first held
     * (checked on every change of the page), measured by the browser itself: no Selenium polling in the figure.
     */
    long timedLoad(String hashPath, String shownWhen) {
        String watcher = "if (location.protocol !== 'about:') { const shown = () => { try { return " + shownWhen
                + "; } catch (e) { return false; } }; const observer = new MutationObserver(() => { if (shown()) {"
                + " window.__shownAt = performance.now(); observer.disconnect(); } });"
                + " observer.observe(document, {childList: true, subtree: true, characterData: true}); }";
        ChromeDriver chrome = (ChromeDriver) driver;
        Object id = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", watcher))
                .get("identifier");
        try {
            driver.get("about:blank");
            go(hashPath);
            Object shownAt = wait.until(d -> script("return window.__shownAt;"));
            return Math.round(((Number) shownAt).doubleValue());
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier", id));
        }
    }

    /**
     * What the last load fetched, from the browser's Navigation and Resource Timing: the document, how many files came
     * from the cache, then every request that went to the server with its start and end (ms from navigation start).
     */
    String loadBreakdown() {
        Object text = script("""
                const nav = performance.getEntriesByType('navigation')[0];
                const rows = [`document ${Math.round(nav.responseEnd)} ms, DOM ready ${Math.round(nav.domContentLoadedEventEnd)} ms`];
                const cached = performance.getEntriesByType('resource').filter(r => r.transferSize === 0);
                if (cached.length) {
                    rows.push(`${cached.length} files from the cache, the last by ${Math.round(Math.max(...cached.map(r => r.responseEnd)))} ms`);
                }
                for (const r of performance.getEntriesByType('resource').filter(r => r.transferSize !== 0)) {
                    const path = new URL(r.name).pathname + new URL(r.name).search;
                    const answered = (r.serverTiming || []).map(t => t.name).join(' ');
                    rows.push(`${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ms ${path}${answered ? ` (${answered})` : ''}`);
                }
                return rows.join('\\n');""");
        return String.valueOf(text);
    }

    void go(String hashPath) {
        driver.get(base + "/#" + hashPath);
    }

    /**
     * The page exactly {@code pageWidth} px wide, as tall as the device's screen (a laptop's 768, a phone's 844): the
     * window alone would leave less to the page (its own bars take the rest), so the page's metrics are set through
     * the DevTools protocol, which also decides the CSS media queries. Not a mobile emulation: keys still work.
     */
    void atWidth(int pageWidth) {
        int height = pageWidth <= 700 ? 844 : 768;
        driver.manage().window().setSize(new Dimension(pageWidth, height + 132));
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", pageWidth, "height", height, "deviceScaleFactor", 1, "mobile", false));
        wait.until(d -> ((Number) script("return innerWidth;")).intValue() == pageWidth);
        this.width = pageWidth;
    }

    int width() {
        return width;
    }

    /**
     * Signs in through the console's own form, signing out first when someone is signed in. On a phone the header's
     * name and sign-out button are in the folded menu: the menu is opened to sign out, and the name is read from the
     * page rather than as visible text.
     */
    void signIn(String username, String password) {
        go("/login");
        WebElement toggle = driver.findElements(By.id("nav-toggle")).stream().findFirst().orElse(null);
        if (toggle != null && toggle.isDisplayed()) {
            wait.until(d -> !d.findElements(By.id("sign-out")).isEmpty());
            toggle.click();
        }
        if (!driver.findElements(By.id("sign-out")).isEmpty()) {
            click(By.id("sign-out"));
        }
        fillSignInForm(username, password);
    }

    /**
     * Signs in as someone opening the console anew: no session (the cookies dropped) and the login page loaded
     * afresh, so nothing the page read for the last person is there.
     */
    void signInAfresh(String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get("about:blank");
        go("/login");
        fillSignInForm(username, password);
    }

    private void fillSignInForm(String username, String password) {
        WebElement user = visible(By.id("login-username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.id("login-password"));
        secret.sendKeys(password);
        secret.sendKeys("\n");
        wait.until(d -> username.equals(script(
                "const name = document.getElementById('who-name'); return name && name.textContent;")));
    }

    WebElement visible(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (TimeoutException e) {
            throw failedWait(by, e);
        }
    }

    /** A failed wait keeps what the page showed (a screenshot and its text), to tell a slow page from a wrong one. */
    private AssertionError failedWait(By by, TimeoutException cause) {
        Path shot = screenshot("timeout-" + System.currentTimeMillis());
        Object text = script("const main = document.querySelector('main'); "
                + "return main ? main.innerText.substring(0, 3000) : document.title;");
        return new AssertionError("not shown: " + by + "; screenshot " + shot + "; the page showed:\n" + text, cause);
    }

    WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Clicks; a live list that redraws between finding the element and clicking it is looked up again. */
    void click(By by) {
        wait.until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return null;
            }
            try {
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    /**
     * Clicks an action on a case, as a person reaches it: on a working list's line an action folded in its 更多 menu
     * (the less used ones, when a line has many) is clicked after opening that menu.
     */
    void clickAction(String caseId, String action) {
        String button = "[data-action='" + action + "'][data-case-id='" + caseId + "']";
        // answered as a word: a wait takes false for "not yet"
        boolean folded = "folded".equals(wait.until(d -> script(
                "const b = document.querySelector(arguments[0]); if (!b) { return null; }"
                        + " return b.closest('.more-menu') !== null && !b.getClientRects().length ? 'folded' : 'shown';",
                button)));
        if (folded) {
            click(By.cssSelector("tr:has(" + button + ") .more-toggle"));
            wait.until(d -> Boolean.TRUE.equals(script(
                    "const b = document.querySelector(arguments[0]); return b !== null && b.getClientRects().length > 0;",
                    button)));
        }
        click(By.cssSelector(button));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** What the page shows, as a PNG in target/screenshots/WIDTH/NAME.png (the width set by {@link #atWidth}). */
    Path screenshot(String name) {
        try {
            Path folder = width == 0 ? SCREENSHOTS : SCREENSHOTS.resolve(String.valueOf(width));
            Files.createDirectories(folder);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = folder.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
