package io.huiwen.web;

import static io.huiwen.DemoSite.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleRepository.SitemapEntry;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** sitemap.xml and sitemap-news.xml from given categories and articles: every address absolute, the news sitemap only the last two days'. */
@WebMvcTest(controllers = SitemapController.class,
        properties = {"huiwen.data-dir=target/slice-data/sitemap-controller", "huiwen.site-url=https://news.example.cn"})
@ImportAutoConfiguration(ApplicationAvailabilityAutoConfiguration.class)
class SitemapControllerTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.ofHours(8));

    @Autowired MockMvc mvc;
    @MockitoBean ArticleRepository articles;
    @MockitoBean CategoryRepository categories;
    @TestBean Clock clock;

    static Clock clock() {
        return Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);
    }

    @Test
    void listsEverythingAndTheNewsSitemapOnlyTheLastTwoDays() throws Exception {
        given(categories.findAll()).willReturn(List.of(new Category(1, "caijing", "财经", 1)));
        given(articles.sitemap(anyInt())).willReturn(List.of(
                new SitemapEntry(7, NOW.minusHours(3), NOW.minusHours(1), "今天的新闻"),
                new SitemapEntry(8, NOW.minusDays(5), NOW.minusDays(1), "五天前的新闻"),
                new SitemapEntry(9, null, NOW.minusDays(3), "没有日期的新闻")));

        String body = mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/xml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document sitemap = xml(body);

        List<String> locs = new ArrayList<>();
        var found = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        for (int i = 0; i < found.getLength(); i++) {
            locs.add(found.item(i).getTextContent());
        }
        assertThat(locs).containsExactly("https://news.example.cn/", "https://news.example.cn/c/caijing",
                "https://news.example.cn/a/7", "https://news.example.cn/a/8", "https://news.example.cn/a/9");
        var inSitemap = sitemap.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "news");
        assertThat(inSitemap.getLength()).as("every article, the news extension on the last two days' only").isEqualTo(1);
        assertThat(((Element) inSitemap.item(0).getParentNode()).getElementsByTagNameNS("*", "loc").item(0).getTextContent())
                .isEqualTo("https://news.example.cn/a/7");
        assertThat(body).contains("<lastmod>2026-11-17T12:00+08:00</lastmod>"); // undated: when it last changed

        String newsBody = mvc.perform(get("/sitemap-news.xml")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/xml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document newsSitemap = xml(newsBody);
        var newsLocs = newsSitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        assertThat(newsLocs.getLength()).isEqualTo(1); // neither the five-day-old nor the undated article
        assertThat(newsLocs.item(0).getTextContent()).isEqualTo("https://news.example.cn/a/7");
        var news = newsSitemap.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "news");
        assertThat(news.getLength()).isEqualTo(1);
        Element recent = (Element) news.item(0);
        assertThat(recent.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo("今天的新闻");
        assertThat(recent.getElementsByTagNameNS("*", "publication_date").item(0).getTextContent()).isEqualTo("2026-11-20T09:00+08:00");
    }
}
