package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin on a phone: headless Chromium 390 px wide signs in through the login form and opens
 * every newsroom admin page (dashboard, sources and their forms, categories and the delete page).
 * None may be wider than the screen, and every button must be at least 44 px tall. The sources
 * table is given a failing source with a long address and a long error, the worst case for its
 * width. Not skipped when the browser is missing: CI installs chromium and chromium-driver.
 */
class AdminOnAPhoneTest extends PortalOnAPhone {

    @Autowired JdbcClient jdbc;

    /** Opens the page and checks what a phone user needs: no sideways scrolling, buttons a thumb can hit. */
    void fitsThePhone(String path, String shot) throws IOException {
        driver.get("http://localhost:" + port + path);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
        assertThat(driver.getCurrentUrl()).as(path + " opened (not sent to the login)").doesNotContain("/login?");
        long scrollWidth = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        browser.screenshot("admin-phone-" + shot);
        assertThat(scrollWidth).as(path + ": document.documentElement.scrollWidth").isLessThanOrEqualTo(WIDTH);
        // a phone widens its layout viewport to a page that overflows: 390 here says nothing was wider
        assertThat(((Number) js("return window.innerWidth;")).intValue()).as(path + ": the layout viewport").isEqualTo(WIDTH);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> small = (List<Map<String, Object>>) js("""
                return Array.from(document.querySelectorAll('main button, main .button, main input[type=text], main select'))
                  .filter(e => e.offsetParent !== null)
                  .map(e => ({text: (e.textContent || e.name || '').trim(), height: e.getBoundingClientRect().height}))
                  .filter(e => e.height < 44);""");
        assertThat(small).as(path + ": buttons and fields under 44 px tall").isEmpty();
    }

    @Test
    void everyAdminPageFitsA390PixelScreen() throws IOException {
        jdbc.sql("""
                INSERT INTO source (name, url, type, error_streak, last_error, last_error_message, last_poll_at, last_success_at, next_poll_at)
                VALUES ('一个名字相当长的地方融媒体中心新闻客户端', 'https://www.very-long-host-name-for-a-county-media-centre.example.cn/channels/local/news/index_list_feed_2026.xml',
                        'feed', 4, 'http_5xx', 'HTTP 503 from https://www.very-long-host-name-for-a-county-media-centre.example.cn/channels/local/news/index_list_feed_2026.xml',
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1' DAY)""").update();
        long source = jdbc.sql("SELECT MAX(id) FROM source").query(Long.class).single();
        long category = jdbc.sql("SELECT id FROM category WHERE slug = 'keji'").query(Long.class).single();

        fitsThePhone("/login", "login");
        driver.findElement(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));

        fitsThePhone("/admin", "dashboard");
        assertThat(driver.getPageSource()).contains("服务器出错（HTTP 503）");
        fitsThePhone("/admin/sources", "sources");
        fitsThePhone("/admin/sources/new", "source-new");
        fitsThePhone("/admin/sources/" + source + "/edit", "source-edit");
        fitsThePhone("/admin/sources/" + source + "/delete", "source-delete");
        fitsThePhone("/admin/categories", "categories");
        fitsThePhone("/admin/categories/" + category + "/delete", "category-delete");
        long article = jdbc.sql("SELECT MIN(id) FROM article").query(Long.class).single();
        fitsThePhone("/admin/articles", "articles");
        fitsThePhone("/admin/articles/" + article, "article-edit");
        fitsThePhone("/admin/articles/" + article + "/delete", "article-delete");
        fitsThePhone("/admin/audit", "audit");
        fitsThePhone("/admin/users", "users");
        fitsThePhone("/admin/account", "account");
        fitsThePhone("/logout", "logout");
        driver.navigate().back();

        // the navigation's 退出 signs out
        driver.findElement(By.cssSelector(".admin-nav .logout button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(driver.getPageSource()).contains("您已退出登录");
        driver.get("http://localhost:" + port + "/admin/sources");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
    }
}
