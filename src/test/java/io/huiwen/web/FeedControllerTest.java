package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** RSS 2.0 and Atom, written from the summaries the repository hands over. */
@WebMvcTest(controllers = FeedController.class,
        properties = {"huiwen.data-dir=target/slice-data/feed-controller", "huiwen.site-url=https://news.example.cn/"})
@ImportAutoConfiguration(ApplicationAvailabilityAutoConfiguration.class)
class FeedControllerTest {

    static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.ofHours(8));
    static final Category CAIJING = new Category(1, "caijing", "财经", 1);

    @Autowired MockMvc mvc;
    @MockitoBean ArticleRepository articles;
    @MockitoBean CategoryRepository categories;

    static ArticleSummary summary(long id, String title, OffsetDateTime published, String source) {
        return new ArticleSummary(id, title, published, NOON.minusHours(1), source, CAIJING, title + "的摘要", id, 1);
    }

    Document xml(String path, String contentType) throws Exception {
        String body = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(contentType))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    @Test
    void siteFeedIsRss2WithAbsoluteLinksAndOneItemPerSummary() throws Exception {
        given(articles.newest(FeedController.ITEMS)).willReturn(List.of(
                summary(7, "港口外贸创新高", NOON, "汇闻财经"), summary(8, "没有日期的快讯", null, null)));

        Document rss = xml("/feed.xml", "application/rss+xml");

        assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        Element channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertThat(text(channel, "title")).isEqualTo("汇闻");
        assertThat(text(channel, "link")).isEqualTo("https://news.example.cn/");
        var items = rss.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(2);
        Element first = (Element) items.item(0);
        assertThat(text(first, "link")).isEqualTo("https://news.example.cn/a/7");
        assertThat(text(first, "guid")).isEqualTo("https://news.example.cn/a/7");
        assertThat(text(first, "description")).isEqualTo("港口外贸创新高的摘要");
        assertThat(text(first, "pubDate")).isEqualTo("Fri, 20 Nov 2026 12:00:00 +0800");
        assertThat(text(first, "category")).isEqualTo("财经");
        assertThat(text(first, "author")).isEqualTo("noreply@huiwen.invalid (汇闻财经)");
        Element undated = (Element) items.item(1);
        assertThat(undated.getElementsByTagName("pubDate").getLength()).isZero();
        assertThat(undated.getElementsByTagName("author").getLength()).isZero();
    }

    @Test
    void categoryFeedIsTitledForItsCategory() throws Exception {
        given(categories.findBySlug("caijing")).willReturn(Optional.of(CAIJING));
        given(articles.newestIn(CAIJING.id(), FeedController.ITEMS)).willReturn(List.of(summary(7, "港口外贸创新高", NOON, "汇闻财经")));

        Document rss = xml("/c/caijing/feed.xml", "application/rss+xml");

        Element channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertThat(text(channel, "title")).isEqualTo("财经 - 汇闻");
        assertThat(text(channel, "link")).isEqualTo("https://news.example.cn/c/caijing");
        assertThat(rss.getElementsByTagName("item").getLength()).isEqualTo(1);
    }

    @Test
    void feedOfAnUnknownCategoryIsNotFound() throws Exception {
        mvc.perform(get("/c/nosuchcategory/feed.xml")).andExpect(status().isNotFound());
    }

    @Test
    void atomFeedIsUpdatedWhenItsNewestEntryWasAndFallsBackToCollectionTime() throws Exception {
        given(articles.newest(FeedController.ITEMS)).willReturn(List.of(
                summary(7, "港口外贸创新高", NOON, "汇闻财经"), summary(8, "没有日期的快讯", null, null)));

        Document atom = xml("/atom.xml", "application/atom+xml");

        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(atom.getDocumentElement().getElementsByTagName("updated").item(0).getTextContent()).isEqualTo("2026-11-20T12:00+08:00");
        var entries = atom.getElementsByTagName("entry");
        assertThat(entries.getLength()).isEqualTo(2);
        Element first = (Element) entries.item(0);
        assertThat(text(first, "id")).isEqualTo("https://news.example.cn/a/7");
        assertThat(text(first, "published")).isEqualTo("2026-11-20T12:00+08:00");
        assertThat(text(first, "name")).isEqualTo("汇闻财经");
        Element undated = (Element) entries.item(1);
        assertThat(text(undated, "updated")).isEqualTo("2026-11-20T11:00+08:00");
        assertThat(undated.getElementsByTagName("published").getLength()).isZero();
        assertThat(text(undated, "name")).isEqualTo("汇闻"); // no source: the site stands as author
    }

    @Test
    void controlCharactersInATitleDoNotBreakTheXml() throws Exception {
        given(articles.newest(FeedController.ITEMS)).willReturn(List.of(summary(9, "标题\u0001里有控制符 & <尖括号>", NOON, "汇闻财经")));

        Document rss = xml("/feed.xml", "application/rss+xml");

        assertThat(text((Element) rss.getElementsByTagName("item").item(0), "title")).contains("里有控制符 & <尖括号>").doesNotContain("\u0001");
    }
}
