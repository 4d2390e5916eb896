package io.huiwen.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driven by the system chromedriver. Both paths are fixed so that
 * Selenium Manager is never consulted: nothing is ever downloaded.
 */
final class BrowserSession implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** The system property that skips (rather than fails) the browser tests where no browser is installed. */
    static final String SKIP = "huiwen.skip-browser-tests";

    private final Path profile;
    private final ChromeDriverService service;
    final WebDriver driver;

    private BrowserSession(Path profile, ChromeDriverService service, WebDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isExecutable(Path.of(CHROMIUM));
    }

    static BrowserSession start() throws IOException {
        return start(1280, 2000);
    }

    /**
     * A browser whose layout viewport is {@code width} × {@code height} CSS pixels. A window is at least
     * 500 px wide, so a narrower one (390 × 844 is a phone) is Chromium's device emulation: a phone's
     * viewport at pixel ratio 1, as DevTools' device mode gives it.
     */
    static BrowserSession start(int width, int height) throws IOException {
        if (!available()) {
            // a browser test that quietly runs nothing is a defect: it fails, unless skipping was asked for by name
            String missing = CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver; .ci/run does)";
            if (Boolean.getBoolean(SKIP)) {
                org.junit.jupiter.api.Assumptions.abort(missing + "; skipped because -D" + SKIP + "=true");
            }
            throw new IllegalStateException(missing + "; to skip the browser tests on purpose, run with -D" + SKIP + "=true");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile = Files.createTempDirectory("huiwen-chrome-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + Math.max(width, 500) + "," + height, "--hide-scrollbars", "--lang=zh-CN", "--user-data-dir=" + profile);
        if (width < 500) {
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true, "mobile", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new BrowserSession(profile, service, driver);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    /**
     * Saves what the window shows (1280 wide; cut at the end of the page when the page is shorter
     * than the window) to target/screenshots, and to docs/screenshots when asked to.
     */
    void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Object height = ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil((document.body.getBoundingClientRect().bottom + window.scrollY) * window.devicePixelRatio);");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (height instanceof Number h && h.intValue() > 0 && h.intValue() < image.getHeight()) {
            image = image.getSubimage(0, 0, image.getWidth(), h.intValue());
        }
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        ImageIO.write(image, "png", target.toFile());
        if (updateDocs()) {
            Path docs = Path.of("docs", "screenshots", name + ".png");
            Files.createDirectories(docs.getParent());
            Files.copy(target, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static boolean updateDocs() {
        return Boolean.parseBoolean(System.getProperty("huiwen.screenshots.update"))
                || Boolean.parseBoolean(System.getenv("HUIWEN_SCREENSHOTS_UPDATE"));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
