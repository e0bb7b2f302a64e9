package org.carecast.web;

import org.carecast.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app used as a commissioner would, in a real browser: Selenium driving Debian's
 * chromium (headless) through chromedriver, against {@code carecast serve} running the real
 * command line. Skipped where chromedriver is not installed, except under CI (CI=true), where
 * {@code .ci/run} installs it and a missing browser is a failure. Screenshots of every page are
 * left in {@code target/screenshots} to look at.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target/screenshots");

    private static Path dir;
    private static Path scenarios;
    private static WebApp app;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER);
        if (!installed && System.getenv("CI") != null) {
            throw new AssertionError("CI must install chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed");
        dir = Files.createTempDirectory("carecast-web");
        scenarios = Files.createDirectories(dir.resolve("scenarios"));
        for (String f : List.of("oldham-baseline.yaml", "hayle-road-home.yaml")) {
            Files.copy(Path.of("scenarios", f), scenarios.resolve(f));
        }
        for (String f : List.of("oldham.yaml", "neighbour.yaml", "pair.yaml", "pair-unshared.yaml")) {
            Files.writeString(scenarios.resolve(f), Files.readString(Path.of("scenarios/region", f))
                    .replace("../oldham-baseline.yaml", "oldham-baseline.yaml"));
        }
        app = new WebApp(new WebConfig(scenarios, dir.resolve("jobs"), "127.0.0.1", 0, null, 4, WebConfig.DEFAULT_MAX_UPLOAD, 2),
                (out, err, progress, args) -> Main.execute(out, err, progress::update, args));
        base = "http://127.0.0.1:" + app.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // As the machine's notes advise: no background connections out of a closed network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--window-size=1200,1800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    private static void shot(String name) throws Exception {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The input of the form field whose hint starts with {@code path} (the field's path in the scenario). */
    private static WebElement field(String path) {
        WebElement hint = browser.findElement(By.xpath("//div[contains(@class,'carecast-source') and starts-with(normalize-space(.),"
                + " '" + path + " in ')]"));
        String id = hint.getAttribute("id").replace("-hint", "");
        return browser.findElement(By.id(id));
    }

    /** Clicks what navigates to another page and waits until that page has loaded (Selenium does not always wait after a form is sent). */
    private static void clickAndWait(By what) {
        // The old page is marked in its window object rather than held as an element: asking Chrome whether an
        // element of a page being replaced is stale can fail with "Node ... does not belong to the document"
        // (seen in CI) instead of answering. A new page has a fresh window object without the mark.
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.carecastOldPage = true;");
        browser.findElement(what).click();
        org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.carecastOldPage === undefined && document.readyState === 'complete';")));
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    /** Waits on a job's page (which refreshes itself) until it finishes; fails if it fails. */
    private static void waitForJob() throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until) {
            String state;
            try {
                state = browser.findElement(By.id("job-state")).getText();
            } catch (org.openqa.selenium.WebDriverException e) {
                // The page refreshes itself every 2 seconds while the job runs: read it again. Chrome can answer a read
                // during the swap with a stale element, no element, or an "unknown error" about a detached node.
                Thread.sleep(100);
                continue;
            }
            if (state.equals("Finished")) {
                return;
            }
            if (state.equals("Failed") || state.equals("Cancelled")) {
                shot("job-failed");
                throw new AssertionError("the job " + state.toLowerCase() + ": " + browser.findElement(By.tagName("main")).getText());
            }
            Thread.sleep(500);
            browser.navigate().refresh();
        }
        throw new AssertionError("the job did not finish in 3 minutes");
    }

    /** True when the report's charts (inline SVG) are drawn at size, and any picture it links has loaded. */
    private static boolean chartsShown() {
        Object shown = ((JavascriptExecutor) browser).executeScript(
                "var i = document.images;"
                        + " for (var k = 0; k < i.length; k++) { if (!i[k].complete || i[k].naturalWidth == 0) return false; }"
                        + " var s = document.querySelectorAll('figure svg'); if (s.length == 0) return false;"
                        + " for (var k = 0; k < s.length; k++) { if (s[k].getBoundingClientRect().width < 100) return false; }"
                        + " return true;");
        return Boolean.TRUE.equals(shown);
    }

    @Test
    @Order(1)
    void openAScenarioChangeItSaveItRunItAndSeeTheReport() throws Exception {
        browser.get(base + "/");
        shot("1-scenarios");
        assertTrue(browser.getTitle().startsWith("Scenarios"));
        clickAndWait(By.linkText("Hayle Road children's home (2 places from September 2025)"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Hayle Road"));
        // The external home's price is a range in the baseline: change its central value.
        WebElement price = field("placementTypes[external_home].weeklyCost");
        assertEquals("6600", price.getAttribute("value"));
        type(price, "7100");
        WebElement opening = field("interventions[hayle_road].start");
        assertEquals("2025-09-01", opening.getAttribute("value"));
        type(opening, "2026-01-01");
        type(browser.findElement(By.id("new-name")), "hayle-road-later");
        type(browser.findElement(By.id("title")), "Hayle Road from January 2026 at higher prices");
        type(browser.findElement(By.id("reason")), "Refurbishment running late; framework prices for 2026");
        shot("2-scenario-changed");
        clickAndWait(By.xpath("//button[text()='Save as a new scenario']"));
        assertTrue(new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.className("govuk-notification-banner")))
                .getText().contains("Saved as hayle-road-later.yaml"));
        String saved = Files.readString(scenarios.resolve("hayle-road-later.yaml"));
        assertTrue(saved.contains("extends: hayle-road-home.yaml"), saved);
        assertTrue(saved.contains("weeklyCost: {central: 7100, low: 6100, high: 7300}"), saved);
        assertTrue(saved.contains("start: 2026-01-01"), saved);
        assertTrue(saved.contains("# Why: Refurbishment running late"), saved);
        assertEquals(List.of("extends: hayle-road-home.yaml", "name: \"Hayle Road from January 2026 at higher prices\"",
                        "placementTypes:", "  - id: external_home", "weeklyCost", "interventions:", "  - id: hayle_road", "start"),
                saved.lines().filter(l -> !l.startsWith("#")).map(l -> l.strip().startsWith("weeklyCost") ? "weeklyCost"
                        : l.strip().startsWith("start") ? "start" : l).toList(), "only what changed is set:\n" + saved);
        assertEquals("7100", field("placementTypes[external_home].weeklyCost").getAttribute("value"), "the new scenario's page");
        shot("3-saved");

        type(browser.findElement(By.id("replications")), "40");
        clickAndWait(By.xpath("//button[text()='Run']"));
        shot("4-job-running");
        waitForJob();
        shot("5-job-finished");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("workbook.xlsx"), "the workbook can be downloaded");
        clickAndWait(By.id("open-report"));
        assertTrue(browser.getTitle().contains("Hayle Road from January 2026"), browser.getTitle());
        assertTrue(chartsShown(), "the report's charts load under the page's security policy");
        shot("6-report");
    }

    @Test
    @Order(2)
    void compareTheSavedScenarioWithTheBaseline() throws Exception {
        browser.get(base + "/compare");
        new Select(browser.findElement(By.id("base"))).selectByValue("oldham-baseline.yaml");
        browser.findElement(By.id("option-hayle-road-later.yaml")).click();
        type(browser.findElement(By.id("replications")), "40");
        shot("7-compare");
        clickAndWait(By.xpath("//button[text()='Compare']"));
        waitForJob();
        clickAndWait(By.id("open-report"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("Hayle Road from January 2026"), "the option is in the comparison");
        shot("8-comparison");
    }

    @Test
    @Order(2)
    void runARegionAgainstTheCouncilsNotSharing() throws Exception {
        browser.get(base + "/");
        clickAndWait(By.linkText("Oldham and a neighbour pooling regional home places (illustrative)"));
        new Select(browser.findElement(By.id("against"))).selectByValue("pair-unshared.yaml");
        type(browser.findElement(By.id("replications")), "20");
        shot("8a-region");
        clickAndWait(By.id("run-region"));
        waitForJob();
        clickAndWait(By.id("open-report"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("Oldham and a neighbour pooling regional home places") && page.contains("Saving against the base"),
                "the region's own report, not a council's");
        assertTrue(browser.findElements(By.cssSelector("figure svg")).size() >= 3, "the region's charts");
        shot("8b-region-report");
        clickAndWait(By.linkText("oldham"));
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("Oldham"), "a council's own report opens from the region's");
    }

    @Test
    @Order(3)
    void aValidationErrorIsShownBesideItsField() throws Exception {
        browser.get(base + "/scenarios/hayle-road-home.yaml");
        WebElement opening = field("interventions[hayle_road].start");
        String id = opening.getAttribute("id");
        type(opening, "next spring");
        type(browser.findElement(By.id("new-name")), "hayle-road-bad");
        clickAndWait(By.xpath("//button[text()='Save as a new scenario']"));
        WebElement error = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id(id + "-error")));
        assertTrue(error.getText().contains("expected a date written YYYY-MM-DD"), error.getText());
        assertTrue(error.getText().contains("hayle-road-bad.yaml:"), "the command line's message, located: " + error.getText());
        assertEquals("next spring", browser.findElement(By.id(id)).getAttribute("value"), "what was typed is kept");
        assertTrue(browser.findElement(By.className("govuk-error-summary")).getText().contains("expected a date"));
        assertFalse(Files.exists(scenarios.resolve("hayle-road-bad.yaml")), "nothing is written");
        shot("9-validation-error");
    }

    @Test
    @Order(4)
    void uploadTheSampleReturnsThroughCalibrate() throws Exception {
        browser.get(base + "/calibrate");
        Path sample = Path.of("src/test/resources/ssda903-sample").toAbsolutePath();
        browser.findElement(By.id("header")).sendKeys(sample.resolve("2017-header.csv") + "\n" + sample.resolve("2018-header.csv"));
        browser.findElement(By.id("episodes")).sendKeys(sample.resolve("2017-episodes.csv") + "\n" + sample.resolve("2018-episodes.csv"));
        type(browser.findElement(By.id("as-at")), "2019-01-01");
        type(browser.findElement(By.id("name")), "sample-council");
        shot("10-calibrate");
        clickAndWait(By.xpath("//button[text()='Calibrate']"));
        waitForJob();
        String main = browser.findElement(By.tagName("main")).getText();
        assertTrue(main.contains("sample-council.yaml"), main);
        assertTrue(main.contains("children in care"), "the command line's summary is shown: " + main);
        // The uploads were in a temporary folder, deleted once the job ended.
        Matcher m = Pattern.compile("--header (\\S+)").matcher(main);
        assertTrue(m.find(), main);
        Path upload = Path.of(m.group(1));
        assertFalse(Files.exists(upload), "the uploaded file is deleted");
        assertFalse(Files.exists(upload.getParent()), "the upload folder is deleted");
        shot("11-calibrated");
        String calibrationPage = browser.getCurrentUrl();
        clickAndWait(By.xpath("//button[text()='Run the calibrated scenario']"));
        waitForJob();
        clickAndWait(By.id("open-report"));
        assertTrue(chartsShown());
        shot("12-calibrated-report");
        // Kept in the scenarios folder, it opens as a form like any other (its children's file beside it).
        browser.get(calibrationPage);
        clickAndWait(By.xpath("//button[text()='Add it to the scenarios']"));
        assertTrue(browser.findElement(By.className("govuk-notification-banner")).getText().contains("sample-council.yaml"));
        assertTrue(Files.exists(scenarios.resolve("sample-council.yaml")));
        assertTrue(Files.exists(scenarios.resolve("sample-council-children.csv")));
        assertTrue(field("entries.monthlyRate").getAttribute("value").matches("[0-9.]+"));
        shot("13-calibrated-kept");
        browser.get(calibrationPage);
        clickAndWait(By.xpath("//button[text()='Add it to the scenarios']"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("never replaces a file"));
        browser.get(base + "/jobs");
        String jobs = browser.findElement(By.tagName("main")).getText();
        assertTrue(jobs.contains("Calibrate: sample-council.yaml") && jobs.contains("Compare: oldham-baseline.yaml"), jobs);
        shot("14-jobs");
    }
}
