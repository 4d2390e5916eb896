package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.extract.ExtractedArticle.TimePrecision;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: "date-only pages are shown as 00:00". A page that gives its date alone is shown as a
 * date wherever a date is shown — the article page, its {@code <time>}, JSON-LD, the sitemap, the
 * API (with {@code publish_time_precision}) — while a page dated to the minute keeps its time; lists
 * show the year of another year's date. An editor who sets a time makes it a time again.
 */
@SpringBootTest(properties = {"huiwen.admin.password=secret", "huiwen.demo-content=false", "huiwen.site-url=https://news.example.cn",
        "huiwen.page-cache.enabled=false"})
@AutoConfigureMockMvc
class DateOnlyArticlesTest {

    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", () -> TestDataDir.create("date-only").toString());
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleStore store;
    long dateOnly, toTheMinute;

    static ExtractedArticle page(String title, String text, OffsetDateTime published, TimePrecision precision) {
        return new ExtractedArticle(null, title, null, "西岭晚报", null, null, List.of(), text, "<p>" + text + "</p>", List.of(), "zh", List.of())
                .withPublishTime(published, precision);
    }

    @BeforeEach
    void twoArticles() {
        OffsetDateTime now = OffsetDateTime.now(BEIJING);
        dateOnly = store.store(page("西岭镇父亲节书信展开幕", "西岭镇文化站举办的父亲节书信展今天开幕，展出了镇上居民写给父亲的一百多封书信，"
                + "最早的一封写于上世纪七十年代。", OffsetDateTime.of(2019, 6, 15, 0, 0, 0, 0, BEIJING), TimePrecision.DAY), "wenhua", now).id();
        toTheMinute = store.store(page("西岭镇图书室延长开放时间", "西岭镇图书室从下周起每天开放到晚上九点，周末全天开放，方便放学后的孩子和下班后的居民借书。",
                OffsetDateTime.of(2019, 6, 15, 8, 18, 0, 0, BEIJING), TimePrecision.MINUTE), "wenhua", now).id();
    }

    String body(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aDateOnlyArticleShowsItsDateWithoutMidnightOnItsPageAndInJsonLd() throws Exception {
        String page = body("/a/" + dateOnly);
        assertThat(page).contains("<time datetime=\"2019-06-15\">2019-06-15</time>").doesNotContain("00:00")
                .contains("\"datePublished\":\"2019-06-15\"");
        assertThat(body("/a/" + toTheMinute)).contains(">2019-06-15 08:18</time>").contains("\"datePublished\":\"2019-06-15T08:18:00+08:00\"");
    }

    @Test
    void listsShowAnotherYearsDateWithItsYear() throws Exception {
        assertThat(body("/c/wenhua")).contains("西岭晚报</span> 2019-06-15</span>").doesNotContain(" 06-15</span>");
    }

    @Test
    void theSitemapGivesADateOnlyArticleItsDate() throws Exception {
        assertThat(body("/sitemap.xml")).contains("<loc>https://news.example.cn/a/" + dateOnly + "</loc><lastmod>2019-06-15</lastmod>");
    }

    @Test
    void theApiSaysHowPreciseThePublishTimeIsAndAnEditorsTimeIsATime() throws Exception {
        JsonNode article = JSON.readTree(body("/api/v1/articles/" + dateOnly));
        assertThat(article.get("publish_time_precision").asString()).isEqualTo("day");
        assertThat(OffsetDateTime.parse(article.get("publish_time").asString()).atZoneSameInstant(BEIJING).toLocalDate()).hasToString("2019-06-15");
        assertThat(JSON.readTree(body("/api/v1/articles/" + toTheMinute)).get("publish_time_precision").asString()).isEqualTo("minute");

        long corrected = store.store(page("西岭镇老街修缮完工", "西岭镇老街修缮工程近日完工，青石板路面和二十多处老屋檐都按原样修复，老街重新向游客开放。",
                OffsetDateTime.of(2019, 6, 15, 0, 0, 0, 0, BEIJING), TimePrecision.DAY), "wenhua", OffsetDateTime.now(BEIJING)).id();
        mvc.perform(patch("/api/v1/articles/" + corrected).with(httpBasic("admin", "secret")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"published_at\":\"2019-06-15T09:40:00+08:00\"}"));
        assertThat(JSON.readTree(body("/api/v1/articles/" + corrected)).get("publish_time_precision").asString()).isEqualTo("minute");
        assertThat(body("/a/" + corrected)).contains(">2019-06-15 09:40</time>");
    }
}
