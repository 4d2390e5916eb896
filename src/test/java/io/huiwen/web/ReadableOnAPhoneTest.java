package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reading on a phone, in headless Chromium 390 px wide: outlet names, bylines, the 家媒体报道
 * badge and tags each stay on one line (one client rect: never 新/视界客户端 or 编/辑：王晓), links
 * in an article body look like links, and a link focused from the keyboard shows an outline.
 * Not skipped when the browser is missing: CI installs chromium and chromium-driver.
 */
class ReadableOnAPhoneTest extends PortalOnAPhone {

    static final String UNITS = ".story-size, .source-name, .byline span, .tags a, .also-reported .outlet";

    @Autowired ArticleStore store;
    @Autowired IndexSync sync;

    void open(String path) {
        driver.get("http://localhost:" + port + path);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
    }

    /** Short units broken over two lines on this page, by their text; and how many units there were. */
    @SuppressWarnings("unchecked")
    List<String> broken(String path, int[] seen) {
        open(path);
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue()).as(path + " scrolls sideways").isLessThanOrEqualTo(WIDTH);
        seen[0] += ((Number) js("return document.querySelectorAll('" + UNITS + "').length;")).intValue();
        return (List<String>) js("return Array.from(document.querySelectorAll('" + UNITS + "'))"
                + ".filter(e => e.getClientRects().length !== 1 || e.getBoundingClientRect().height > 1.8 * parseFloat(getComputedStyle(e).lineHeight || 20))"
                + ".map(e => e.textContent.trim());");
    }

    @Test
    void namesBylinesBadgesAndTagsAreNeverSplitOnAPhone() throws Exception {
        String text = "湖滨街道的邻里餐厅今天开张，附近的老人走几分钟就能吃上热饭热菜，餐厅还为行动不便的老人送餐上门，社区志愿者轮流帮忙。";
        long id = store.store(new ExtractedArticle("https://huibin.example/news/2",
                "湖滨街道邻里餐厅开张 老人在家门口吃上热乎饭菜 社区志愿者轮流送餐上门",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(3), "湖滨新视界客户端", "周宁宁", "王晓",
                List.of("首页", "社会"), text,
                "<p>" + text + "详情见<a href=\"https://huibin.example/rules\">湖滨街道助餐服务说明</a>。</p>", List.of(), "zh", List.of()),
                null, OffsetDateTime.now(ZoneOffset.UTC)).id();
        sync.drain();
        int[] seen = {0};
        assertThat(broken("/", seen)).as("home").isEmpty();
        assertThat(broken("/a/" + id, seen)).as("article").isEmpty();
        assertThat(broken("/search?q=" + Display.url("望海港 外贸"), seen)).as("search").isEmpty();
        assertThat(broken("/search?q=" + Display.url("长者食堂"), seen)).as("search").isEmpty();
        assertThat(broken("/c/shehui", seen)).as("category").isEmpty();
        assertThat(seen[0]).as("units checked").isGreaterThan(20);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bodyLinksLookLikeLinksAndKeyboardFocusIsVisible() {
        String text = "东江市今天发布新版公交线网方案，市民可在网上查看每条线路的调整情况并提出意见。";
        long id = store.store(new ExtractedArticle("https://huibin.example/news/3", "东江发布新版公交线网方案 市民可在线提意见",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), "东海日报", null, null, List.of("首页", "社会"), text,
                "<p>" + text + "方案全文见<a href=\"https://huibin.example/bus\">线网方案公示页</a>。</p>", List.of(), "zh", List.of()),
                null, OffsetDateTime.now(ZoneOffset.UTC)).id();
        open("/a/" + id);
        Map<String, Object> link = (Map<String, Object>) js("""
                const a = document.querySelector('.body a'), p = a.closest('p'), s = getComputedStyle(a);
                return {line: s.textDecorationLine, colour: s.color, text: getComputedStyle(p).color};""");
        assertThat(link.get("line")).asString().contains("underline");
        assertThat(link.get("colour")).isNotEqualTo(link.get("text"));
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        Map<String, Object> focused = (Map<String, Object>) js("""
                const e = document.activeElement, s = getComputedStyle(e);
                return {tag: e.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth)};""");
        assertThat(focused.get("tag")).isNotEqualTo("BODY");
        assertThat(focused.get("style")).isNotEqualTo("none");
        assertThat(((Number) focused.get("width")).doubleValue()).isGreaterThanOrEqualTo(2);
    }
}
