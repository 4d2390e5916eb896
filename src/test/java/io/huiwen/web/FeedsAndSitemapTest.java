package io.huiwen.web;

import static io.huiwen.DemoSite.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;

/** Feeds and the sitemap over the demo content, as a feed reader or crawler receives them (their shape: FeedControllerTest). */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.site-url=https://news.example.cn"})
@AutoConfigureMockMvc
class FeedsAndSitemapTest {

    static final Path DATA = TestDataDir.create("feeds");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;

    String page(String path) throws Exception {
        return DemoSite.page(mvc, path);
    }

    @Test
    void feedIsWellFormedRss2WithAbsoluteLinks() throws Exception {
        Document rss = xml(page("/feed.xml"));
        assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        assertThat(rss.getElementsByTagName("item").getLength()).isGreaterThanOrEqualTo(20);
        assertThat(rss.getElementsByTagName("link").item(1).getTextContent()).startsWith("https://news.example.cn/a/");
        assertThat(xml(page("/c/caijing/feed.xml")).getElementsByTagName("item").getLength()).isPositive();
        assertThat(xml(page("/atom.xml")).getElementsByTagName("entry").getLength()).isGreaterThanOrEqualTo(20);
        mvc.perform(get("/c/nosuchcategory/feed.xml")).andExpect(status().isNotFound());
    }

    @Test
    void sitemapListsEveryArticleAndTheNewsSitemapTheRecentOnes() throws Exception {
        String body = page("/sitemap.xml");
        Document sitemap = xml(body);
        assertThat(sitemap.getElementsByTagName("loc").getLength()).isGreaterThanOrEqualTo(30);
        assertThat(body).contains("https://news.example.cn/a/");
        assertThat(page("/sitemap-news.xml")).contains("<loc>https://news.example.cn/a/", "<news:publication_date>");
    }
}
