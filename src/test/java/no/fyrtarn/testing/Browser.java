package no.fyrtarn.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Debian Chromium through its chromedriver ({@code apt-get install -y chromium chromium-driver}), as a
 * 360 × 780 phone (or as narrow as asked). No network beyond this machine: other hosts resolve to nothing, so a
 * network's share dialog opens as an error page whose URL the tests can still read.
 */
public final class Browser implements AutoCloseable {

    public static final int WIDTH = 360;
    public static final int HEIGHT = 780;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path TEMPORARY = Path.of("target", "chromium");

    private final ChromeDriver driver;
    private final String base;
    /** The phone's width in CSS pixels. */
    private final int width;
    /** The window the browser opened with; share dialogs open others. */
    private final String home;

    public Browser(String base) {
        this(base, null);
    }

    /** A phone whose browser asks for {@code acceptLanguage} (null: the default). */
    public Browser(String base, String acceptLanguage) {
        this(base, acceptLanguage, WIDTH);
    }

    /** A phone {@code width} CSS pixels wide (WCAG's reflow is at 320) whose browser asks for {@code acceptLanguage}. */
    public Browser(String base, String acceptLanguage, int width) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.width = width;
        File chromium = new File(System.getProperty("fyrtarn.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("fyrtarn.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("The browser tests need Chromium and its driver: "
                    + "apt-get install -y chromium chromium-driver (looked for " + chromium + " and " + chromedriver + ")");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-popup-blocking",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", width, "height", HEIGHT, "pixelRatio", 2.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/150.0 Mobile Safari/537.36"));
        if (acceptLanguage != null) {
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        }
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        // the profile and the directories Chromium leaves behind go under target/, not the machine's /tmp
        Path temporary = TEMPORARY.toAbsolutePath();
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .withEnvironment(Map.of("TMPDIR", temporary.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        home = driver.getWindowHandle();
    }

    /** Closes every window but the first (a dialog a failed test left open, which would take the next one's taps). */
    public void onlyTheFirstWindow() {
        driver.getWindowHandles().stream().filter(handle -> !handle.equals(home)).forEach(handle -> {
            driver.switchTo().window(handle);
            driver.close();
        });
        driver.switchTo().window(home);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Where the browser is now, without this site's origin. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Logs in through the login form, typing the e-mail. */
    public void login(String email) {
        open("/login");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * A click on the first element {@code css} selects, found again when a live region was replaced between finding it
     * and clicking it (a notice of the stream, set off by another test's share: a StaleElementReferenceException).
     */
    public void click(String css) {
        for (int attempt = 1;; attempt++) {
            try {
                find(css).click();
                return;
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * The text of the first element {@code css} selects, read in one go: on a live page a region may be replaced
     * between finding an element and reading it.
     */
    public String text(String css) {
        return (String) script("const e = document.querySelector(arguments[0]); return e.innerText ?? e.textContent;",
                css);
    }

    /** An attribute of the first element {@code css} selects, read in one go (see {@link #text}). */
    public String attribute(String css, String name) {
        return (String) script("return document.querySelector(arguments[0]).getAttribute(arguments[1]);", css, name);
    }

    /** The texts of every element {@code css} selects, read in one go (see {@link #text}). */
    @SuppressWarnings("unchecked")
    public List<String> texts(String css) {
        return (List<String>) script(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText ?? e.textContent);", css);
    }

    /**
     * What is on the clipboard, read by the page, allowed to for this read only: a site granted clipboard access
     * behaves otherwise (Chromium 150 then refuses a write from the page once a tap opened a window), and the site
     * never asks people for it.
     */
    public String clipboard() {
        driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", base, "permissions", List.of("clipboardReadWrite")));
        try {
            return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " navigator.clipboard.readText().then(done, e => done('not readable: ' + e));");
        } finally {
            driver.executeCdpCommand("Browser.resetPermissions", Map.of());
        }
    }

    /** What the browser's console said since the last call: script errors, refused resources, policy violations. */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /**
     * Whether the page is wider than the phone (it must never be). Against the phone's width, not the window's: a
     * mobile browser zooms out to show a page wider than itself, and its window's width then grows with the page.
     */
    public boolean scrollsSideways() {
        return ((Number) script("return document.documentElement.scrollWidth;")).intValue() > width;
    }

    /**
     * The words of up to 12 characters that the elements matching {@code css} show broken over two lines or more: a
     * column too narrow for a name breaks it letter by letter. (Longer words, such as e-mail addresses, may break.)
     */
    @SuppressWarnings("unchecked")
    public List<String> wordsBrokenOverLines(String css) {
        return (List<String>) script("""
                const broken = [];
                for (const element of document.querySelectorAll(arguments[0])) {
                  const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
                    for (const word of node.data.matchAll(/\\S+/g)) {
                      if (word[0].length > 12) continue;
                      const range = document.createRange();
                      range.setStart(node, word.index);
                      range.setEnd(node, word.index + word[0].length);
                      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                      if (lines.size > 1) broken.push(word[0]);
                    }
                  }
                }
                return broken;""", css);
    }

    /** On how many lines the first element matching {@code css} shows its text. */
    public int linesOf(String css) {
        return ((Number) script("""
                const text = document.createRange();
                text.selectNodeContents(document.querySelector(arguments[0]));
                return new Set([...text.getClientRects()].map(line => Math.round(line.top))).size;""", css)).intValue();
    }

    /**
     * What axe-core finds wrong with the page as it is now, against WCAG 2.2 levels A and AA and axe's best practices:
     * one line per rule and element ("color-contrast .tag: …"). Empty when it finds nothing.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityProblems() {
        script(Axe.SCRIPT);
        return (List<String>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
                  .then(result => done(result.violations.flatMap(rule => rule.nodes.map(node =>
                      rule.id + ' ' + node.target.join(' ') + ': ' + node.failureSummary.replace(/\\s+/g, ' ')))),
                    e => done(['axe did not run: ' + e]));""");
    }

    /**
     * The elements a keyboard user can reach whose focus ring is missing or stands out less than 3:1 from what is
     * around it (WCAG 1.4.11; axe does not check focus rings), with the ratio: "a.brand "Fyrtårn": 2.29". Each
     * element is focused in turn after one Tab, so that the page shows the ring it shows to the keyboard.
     */
    @SuppressWarnings("unchecked")
    public List<String> weakFocusRings() {
        // from the top of the page, whatever had the focus before: the Tab then goes to its first element
        script("document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex');");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        return (List<String>) script("""
                const parse = color => (color.match(/[\\d.]+/g) || []).map(Number);
                const opaque = c => c.length === 3 || c[3] === 1;
                const lum = ([r, g, b]) => [r, g, b].map(v => (v /= 255) <= 0.03928 ? v / 12.92
                    : ((v + 0.055) / 1.055) ** 2.4).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                const page = parse(getComputedStyle(document.body).backgroundColor);
                const weak = [];
                let reached = 0;
                const reachable = 'a[href], button, input:not([type=hidden]), textarea, select, summary, [tabindex]';
                for (const element of document.querySelectorAll(reachable)) {
                  if (element.tabIndex < 0 || element.disabled || !element.getClientRects().length
                      || getComputedStyle(element).visibility === 'hidden') continue;
                  element.focus();
                  if (document.activeElement !== element) continue;
                  reached++;
                  const style = getComputedStyle(element);
                  const name = element.tagName.toLowerCase() + [...element.classList].map(c => '.' + c).join('')
                      + ' "' + (element.innerText || element.value || '').trim().slice(0, 30) + '"';
                  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
                    weak.push(name + ': no focus ring');
                    continue;
                  }
                  // what the ring is drawn over: the page at the middle of each side of the ring in view
                  const ring = lum(parse(style.outlineColor));
                  const box = element.getBoundingClientRect();
                  const gap = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2;
                  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
                  const ratios = [[box.left - gap, y], [box.right + gap, y], [x, box.top - gap], [x, box.bottom + gap]]
                      .filter(([px, py]) => px >= 0 && py >= 0 && px < innerWidth && py < innerHeight)
                      .map(([px, py]) => document.elementsFromPoint(px, py)
                          .map(e => parse(getComputedStyle(e).backgroundColor)).find(opaque) || page)
                      .map(behind => [ring, lum(behind)].sort((a, b) => b - a))
                      .map(([light, dark]) => (light + 0.05) / (dark + 0.05));
                  const ratio = Math.min(...ratios);
                  if (ratio < 3) weak.push(name + ': ' + ratio.toFixed(2));
                }
                document.activeElement.blur();
                return reached ? weak : ['nothing on the page takes the focus'];""");
    }

    /** axe-core's script, as its Selenium binding ships it; read at the first check. */
    private static final class Axe {
        static final String SCRIPT;

        static {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                SCRIPT = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether the pages from now on are shown as to someone whose phone is set to dark mode. */
    public void darkMode(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** A screenshot of the whole page into target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Number height = (Number) script("return document.documentElement.scrollHeight;");
            @SuppressWarnings("unchecked")
            Map<String, Object> shot = (Map<String, Object>) (Map<?, ?>) driver.executeCdpCommand(
                    "Page.captureScreenshot", Map.of("captureBeyondViewport", true, "clip",
                            Map.of("x", 0, "y", 0, "width", width, "height", height.intValue(), "scale", 1)));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
