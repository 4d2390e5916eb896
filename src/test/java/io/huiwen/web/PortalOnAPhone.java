package io.huiwen.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal on a real server with the demo articles, in a fresh data directory of its own, seen
 * by headless Chromium as a 390 × 844 phone (admin password {@code test-admin}). The phone tests
 * extend it; each gets its own server and browser, closed after its class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class PortalOnAPhone {

    static final int WIDTH = 390, HEIGHT = 844;
    static final String ADMIN_PASSWORD = "test-admin";

    static BrowserSession browser;
    static ChromeDriver driver;

    @LocalServerPort int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path data = freshDataDir(); // one per server: what one test class stores, the next never sees
        registry.add("huiwen.data-dir", data::toString);
        registry.add("huiwen.demo-content", () -> "true");
        registry.add("huiwen.admin.password", () -> ADMIN_PASSWORD);
    }

    private static Path freshDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "phone-data-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserSession.start(WIDTH, HEIGHT);
        driver = (ChromeDriver) browser.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
            driver = null;
        }
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
