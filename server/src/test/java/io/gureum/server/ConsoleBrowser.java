package io.gureum.server;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named by path so that Selenium Manager never
 * looks for (or downloads) a browser or driver of its own. Tests skip, with the install command, where either is missing.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("GUREUM_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("GUREUM_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** Build artifacts: one PNG per step a test wants to show. */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final String baseUrl;

    private ConsoleBrowser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** A string key (nav.faces, keys.quota, ...) shown as it is: the console's t() found no text for it. */
    static final String UNTRANSLATED = "\\b(nav|signin|overview|health|image|faces|emotion|objects|ocr|stt|tts|gender|translate|"
            + "detect|sentiment|pii|bots|automl|build|keys|units?|models|operations|status|time|who|problem|notAvailable)\\.[a-zA-Z]+";

    /** Skips the calling test class unless Chromium, chromedriver and the built console are all there. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the console's browser tests need Debian's chromium and chromedriver: sudo apt-get install -y chromium chromium-driver");
        assumeTrue(ConsoleBrowser.class.getResource("/io/gureum/server/console/index.html") != null,
                "the console was not built (npm missing or -Dconsole.skip=true)");
    }

    static ConsoleBrowser open(String baseUrl) {
        assumeInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--window-size=1440,1000", "--autoplay-policy=no-user-gesture-required", "--lang=en-US",
                // a fake microphone (a beeping tone) that needs no permission prompt, for the recording test
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new ConsoleBrowser(driver, baseUrl);
    }

    /**
     * Opens a console page (e.g. "overview") once signed in; the session (sessionStorage) survives within the tab.
     * A new hash is a same-document navigation, so this waits for the page that the shell marks as shown.
     */
    void go(String page) {
        driver.get(baseUrl + "/console/#/" + page);
        waitFor(By.cssSelector("main[data-page='" + page + "'] h1#page-title"));
    }

    /** Signs out if needed, then signs in with the key through the sign-in form. */
    void signIn(String key) {
        driver.get(baseUrl + "/console/");
        driver.executeScript("sessionStorage.clear(); localStorage.setItem('gureum.lang', 'en');");
        driver.navigate().refresh();
        type(By.id("api-key"), key);
        driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
    }

    /** Signs in without the mouse: Tab from the page start to the key field, type, Enter. */
    void signInWithKeyboard(String key) {
        driver.get(baseUrl + "/console/");
        driver.executeScript("sessionStorage.clear(); localStorage.setItem('gureum.lang', 'en');");
        driver.navigate().refresh();
        waitFor(By.id("api-key"));
        Actions keyboard = new Actions(driver);
        for (int i = 0; i < 10 && !"api-key".equals(driver.switchTo().activeElement().getAttribute("id")); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        if (!"api-key".equals(driver.switchTo().activeElement().getAttribute("id"))) {
            throw new AssertionError("the key field cannot be reached with the Tab key");
        }
        keyboard.sendKeys(key).sendKeys(Keys.ENTER).perform();
    }

    /** Opens any page (not the console): the chat widget's test page, served from another origin. */
    void get(String url) {
        driver.get(url);
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    <T> T waitUntil(Function<ChromeDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(d -> condition.apply(driver));
    }

    WebElement find(By by) { return driver.findElement(by); }

    List<WebElement> findAll(By by) { return driver.findElements(by); }

    void type(By by, String text) {
        WebElement e = waitFor(by);
        e.clear();
        e.sendKeys(text);
    }

    void click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Accepts the page's confirm() dialog. */
    void confirmDialog() {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Chooses a file in an {@code <input type=file>}: the driver reads it from this machine's disk. */
    void upload(By input, Path file) {
        driver.findElement(input).sendKeys(file.toAbsolutePath().toString());
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /**
     * What went wrong in the page since the last call: uncaught script errors and Content-Security-Policy refusals
     * (failed API calls are logged by Chromium too, but they are expected in the tests that provoke them).
     */
    List<String> pageErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Uncaught") || m.contains("Content Security Policy") || m.contains("TypeError"))
                .toList();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    String pageText() { return driver.findElement(By.tagName("body")).getText(); }

    /** Saves the window as target/console-screenshots/NAME.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
