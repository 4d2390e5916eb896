package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal on a 390 × 844 phone in headless Chromium, over the demo content: the category
 * navigation is one line that scrolls sideways, 热门 is reached without scrolling past every block,
 * dark mode (emulated {@code prefers-color-scheme: dark}) paints dark grounds and light text, and an
 * article printed (emulated print media) keeps only the article, its links' addresses and its source.
 */
class PhoneLayoutTest extends PortalOnAPhone {

    /**
     * 热门 must begin within two screen heights on home: the masthead and the eight newest stories
     * (about one and a half screens at 390 px), then 热门 — one swipe, where before it came after all
     * six category blocks, five screens and more down.
     */
    static final int SCREENS_TO_HOT = 2;

    @Autowired ArticleStore store;
    @Autowired IndexSync sync;

    @AfterEach
    void screenMedia() {
        if (driver != null) {
            emulate("", List.of());
        }
    }

    void emulate(String media, List<Map<String, String>> features) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media, "features", features));
    }

    double number(String script) {
        return ((Number) js(script)).doubleValue();
    }

    void open(String path) {
        driver.get("http://localhost:" + port + path);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
    }

    long articleWithALink() {
        String text = "西岭县今天开通城乡公交新线路，沿线八个村的村民进城办事不再需要换乘，首末班时间也比原来延长了一个小时。";
        long id = store.store(new ExtractedArticle("https://xiling.example/news/bus-line", "西岭县开通城乡公交新线路 八个村村民进城不再换乘",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), "西岭融媒", "孙立", null, List.of("首页", "社会"), text,
                "<p>" + text + "线路图见<a href=\"https://xiling.example/bus/map\">县交通局公告</a>。</p>", List.of(), "zh", List.of()),
                null, OffsetDateTime.now(ZoneOffset.UTC)).id();
        sync.drain();
        return id;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCategoryNavigationIsOneLineThatScrollsSidewaysAndThePageNeverDoes() {
        for (String path : List.of("/", "/c/wenhua", "/a/" + articleWithALink())) {
            open(path);
            Map<String, Object> nav = (Map<String, Object>) js("""
                    const row = document.querySelector('.nav .wrap'), links = Array.from(row.querySelectorAll('a')), s = getComputedStyle(row);
                    return {overflow: s.overflowX, wrap: s.flexWrap, links: links.length,
                            tops: new Set(links.map(a => Math.round(a.getBoundingClientRect().top))).size,
                            height: row.getBoundingClientRect().height, linkHeight: links[0].getBoundingClientRect().height,
                            scrollWidth: row.scrollWidth, clientWidth: row.clientWidth,
                            lastRight: links[links.length - 1].getBoundingClientRect().right};""");
            assertThat(((Number) nav.get("links")).intValue()).as(path + ": 首页 and the six demo categories").isGreaterThanOrEqualTo(7);
            assertThat(((Number) nav.get("tops")).intValue()).as(path + ": every category on one line").isEqualTo(1);
            assertThat(((Number) nav.get("height")).doubleValue()).as(path + ": one line high")
                    .isLessThan(1.5 * ((Number) nav.get("linkHeight")).doubleValue());
            assertThat(nav.get("overflow")).as(path + ": the line scrolls sideways").isEqualTo("auto");
            assertThat(((Number) nav.get("scrollWidth")).intValue()).as(path + ": the categories do not fit 390 px, so the line scrolls")
                    .isGreaterThan(((Number) nav.get("clientWidth")).intValue());
            assertThat(number("return document.documentElement.scrollWidth;")).as(path + ": the page itself never scrolls sideways")
                    .isLessThanOrEqualTo(WIDTH);
        }
        // the last category is reached by scrolling the navigation, not the page
        js("document.querySelector('.nav .wrap').scrollLeft = 10000;");
        assertThat(number("return document.querySelector('.nav .wrap a:last-child').getBoundingClientRect().right;")).isLessThanOrEqualTo(WIDTH);
        assertThat(number("return window.scrollX;")).isZero();
    }

    @Test
    void theCurrentCategoryAtTheFarEndOfTheBarIsScrolledIntoViewAndThePageStaysPut() {
        open("/c/wenhua"); // the last of the six: past the right edge of a 390 px screen until the bar scrolls
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> number("return document.querySelector('.nav .wrap').scrollLeft;") > 0);
        assertThat(number("return document.querySelector('.nav [aria-current=\"page\"]').getBoundingClientRect().right;"))
                .as("文化, marked current, is whole on screen").isLessThanOrEqualTo(WIDTH);
        assertThat(number("return document.querySelector('.nav [aria-current=\"page\"]').getBoundingClientRect().left;")).isGreaterThanOrEqualTo(0);
        assertThat(number("return window.scrollX + window.scrollY;")).as("only the bar scrolled").isZero();

        open("/");
        assertThat(number("return document.querySelector('.nav .wrap').scrollLeft;")).as("no current category, no scrolling").isZero();
    }

    @Test
    void onHome热门ComesRightAfterTheNewestStoriesBeforeTheCategoryBlocks() throws IOException {
        open("/");
        double latest = number("return document.querySelector('.latest h2').getBoundingClientRect().top + scrollY;");
        double hot = number("return document.querySelector('.hot h2').getBoundingClientRect().top + scrollY;");
        double firstBlock = number("return document.querySelector('.block h2').getBoundingClientRect().top + scrollY;");
        assertThat(hot).as("热门 after 最新").isGreaterThan(latest);
        assertThat(hot).as("热门 before the category blocks").isLessThan(firstBlock);
        assertThat(hot).as("热门 within " + SCREENS_TO_HOT + " screen heights").isLessThan(SCREENS_TO_HOT * HEIGHT);
        assertThat(number("return document.querySelectorAll('.hot .ranked li').length;")).as("热门 lists stories").isPositive();
        browser.screenshot("phone-home");
    }

    @Test
    void onAnArticle热门ComesAfterTheBodyAndRelatedReadingBefore最新() {
        open("/a/" + articleWithALink());
        double body = number("return document.querySelector('.body').getBoundingClientRect().bottom + scrollY;");
        double related = number("return document.querySelector('.related').getBoundingClientRect().bottom + scrollY;");
        double hot = number("return document.querySelector('.hot h2').getBoundingClientRect().top + scrollY;");
        double latest = number("return document.querySelector('.side.latest h2').getBoundingClientRect().top + scrollY;");
        assertThat(hot).isGreaterThan(body).isGreaterThan(related).isLessThan(latest);
    }

    static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
        return ContrastTest.luminance(String.format("#%02x%02x%02x",
                Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
    }

    @SuppressWarnings("unchecked")
    Map<String, String> colours() {
        return (Map<String, String>) js("""
                const c = e => getComputedStyle(document.querySelector(e));
                return {page: c('body').backgroundColor, text: c('body').color, box: c('.main-col').backgroundColor,
                        boxText: c('.main-col h1, .main-col h2').color, muted: c('.byline').color, link: c('.body a').color,
                        nav: c('.nav').backgroundColor, navText: c('.nav a').color, masthead: c('.masthead').backgroundColor};""");
    }

    @Test
    void inDarkModeTheGroundsAreDarkAndTheTextLight() throws IOException {
        long id = articleWithALink();
        emulate("screen", List.of(Map.of("name", "prefers-color-scheme", "value", "light")));
        open("/a/" + id);
        Map<String, String> light = colours();
        assertThat(luminance(light.get("page"))).as("light mode: a light page").isGreaterThan(0.8);

        emulate("screen", List.of(Map.of("name", "prefers-color-scheme", "value", "dark")));
        open("/a/" + id);
        Map<String, String> dark = colours();
        for (String ground : List.of("page", "box", "masthead")) {
            assertThat(luminance(dark.get(ground))).as("dark mode: " + ground + " " + dark.get(ground)).isLessThan(0.05);
        }
        for (String text : List.of("text", "boxText", "muted", "link")) {
            String ground = text.equals("text") ? "page" : "box";
            double ratio = (luminance(dark.get(text)) + 0.05) / (luminance(dark.get(ground)) + 0.05);
            assertThat(ratio).as("dark mode: " + text + " " + dark.get(text) + " on " + dark.get(ground)).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(dark.get("link")).as("links still stand apart from the text").isNotEqualTo(dark.get("boxText"));
        double nav = (luminance(dark.get("navText")) + 0.05) / (luminance(dark.get("nav")) + 0.05);
        assertThat(nav).as("the red navigation keeps its white text").isGreaterThanOrEqualTo(4.5);
        browser.screenshot("phone-article-dark");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPrintedArticleIsTheArticleAloneBlackOnWhiteWithItsAddresses() {
        long id = articleWithALink();
        emulate("print", List.of(Map.of("name", "prefers-color-scheme", "value", "dark")));
        open("/a/" + id);
        Map<String, Object> printed = (Map<String, Object>) js("""
                const shown = e => { const el = document.querySelector(e); return !!el && getComputedStyle(el).display !== 'none'
                                     && el.getBoundingClientRect().height > 0; };
                const a = document.querySelector('.body a');
                return {nav: shown('.nav'), search: shown('.search-box'), side: shown('.side-col'), footer: shown('.footer'),
                        breadcrumb: shown('.breadcrumb'), related: shown('.related'), title: shown('.article h1'), body: shown('.body'),
                        origin: shown('.origin'), originText: document.querySelector('.origin').innerText,
                        after: getComputedStyle(a, '::after').content, href: a.href,
                        text: getComputedStyle(document.querySelector('.body p')).color,
                        ground: getComputedStyle(document.querySelector('.main-col')).backgroundColor};""");
        assertThat(printed).containsEntry("nav", false).containsEntry("search", false).containsEntry("side", false)
                .containsEntry("footer", false).containsEntry("breadcrumb", false).containsEntry("related", false)
                .containsEntry("title", true).containsEntry("body", true).containsEntry("origin", true);
        assertThat((String) printed.get("originText")).as("the source address after the body").contains("https://xiling.example/news/bus-line");
        assertThat((String) printed.get("after")).as("a body link prints its address").contains("https://xiling.example/bus/map");
        assertThat(printed.get("text")).as("black text, even for a reader in dark mode").isEqualTo("rgb(0, 0, 0)");
        assertThat((String) printed.get("ground")).as("no dark ground on paper").isIn("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)");
        double originTop = number("return document.querySelector('.origin').getBoundingClientRect().top;");
        assertThat(originTop).isGreaterThan(number("return document.querySelector('.body').getBoundingClientRect().bottom;") - 1);

        emulate("screen", List.of());
        open("/a/" + id);
        assertThat(number("return document.querySelector('.nav').getBoundingClientRect().height;")).as("on screen the navigation is back").isPositive();
    }
}
