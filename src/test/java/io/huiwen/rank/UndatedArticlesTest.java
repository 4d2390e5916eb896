package io.huiwen.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleStore;
import io.huiwen.article.Source;
import io.huiwen.article.SourceCatalog;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.ingest.Ingest;
import io.huiwen.search.IndexSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #15: importing a page with no date put it at #1 of 最新 and 热门 with no reader, the import
 * time standing in for a publish time it is not. An undated article enters 最新 by its first-seen
 * time only when a source's poll found it; an import stands behind every dated article, is never
 * 热门, and shows no date anywhere. And on the demo content, with no views yet, 热门 is not 最新.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UndatedArticlesTest {

    static final Path DATA = TestDataDir.create("undated-articles");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired Ingest ingest;
    @Autowired ArticleStore store;
    @Autowired SourceCatalog sources;
    @Autowired IndexSync index;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    @Order(1)
    void withNoViewsYetHotIsNotLatestOnTheDemoContent() throws Exception {
        index.drain();
        List<Long> latest = ids(json("/api/v1/latest?size=8"));
        JsonNode hot = json("/api/v1/hot?size=8");
        assertThat(ids(hot)).hasSize(8).isNotEqualTo(latest);
        assertThat(hot.get("items").get(0).get("story_size").asInt()).as("the top story is carried by several outlets").isGreaterThan(1);
        String home = page("/");
        assertThat(links(section(home, "最新文章"))).startsWith(latest.get(0));
        assertThat(links(section(home, "热门文章"))).startsWith(ids(hot).get(0));
    }

    @Test
    @Order(2)
    void anImportedPageWithNoDateIsNeverNew() throws Exception {
        String dated = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString();
        long withDate = ingest.imported(page("临江区新建三座口袋公园 居民下楼就能遛弯", "<meta property=\"article:published_time\" content=\"" + dated + "\">",
                "临江区园林部门介绍，三座口袋公园利用街角闲置地块建成，设有座椅、花境和儿童游乐区，周边居民步行五分钟即可到达。"),
                "dated.html", "shehui").stored().id();
        long undated = ingest.imported(page("旧闻一则：老城区菜场完成改造 摊位统一换新", "",
                "老城区菜场改造完成后，摊位统一更换了不锈钢台面和电子秤，通道加宽，地面做了防滑处理，早市时段人流明显增加。"),
                "undated.html", "shehui").stored().id();
        index.drain();

        JsonNode latest = json("/api/v1/latest?size=100");
        List<Long> order = ids(latest);
        assertThat(order).contains(withDate, undated);
        assertThat(order.get(0)).isNotEqualTo(undated);
        assertThat(order.get(order.size() - 1)).as("behind every dated article").isEqualTo(undated);
        assertThat(item(latest, undated).get("publish_time").isNull()).as("no invented date in JSON").isTrue();
        assertThat(json("/api/v1/articles/" + undated).get("publish_time").isNull()).isTrue();
        for (String window : List.of("", "&window=24h", "&days=30")) {
            assertThat(ids(json("/api/v1/hot?size=100" + window))).as(window).doesNotContain(undated);
        }

        String home = page("/");
        assertThat(links(section(home, "最新文章"))).first().isNotEqualTo(undated);
        assertThat(links(section(home, "热门文章"))).doesNotContain(undated);
        String feed = page("/feed.xml");
        Matcher entry = Pattern.compile("<item>(?:(?!</item>).)*/a/" + undated + "(?:(?!</item>).)*</item>", Pattern.DOTALL).matcher(feed);
        if (entry.find()) {
            assertThat(entry.group()).as("the feed gives no date it does not know").doesNotContain("<pubDate>");
        }
    }

    @Test
    @Order(3)
    void anUndatedArticleASourcesPollFoundIsPlacedByWhenItWasFirstSeen() throws Exception {
        Source source = sources.create("test", new Source.Settings("潮声日报", "https://chaosheng.example.cn/feed.xml",
                null, "shehui", 30, false, null, null, null, null, null, null));
        var found = new ExtractedArticle("https://chaosheng.example.cn/news/77.html", "江北渡口恢复夜航 末班船延至22点", null, "潮声日报", null, null,
                List.of(), "江北渡口自本周起恢复夜间航班，末班船延长至晚上十点，方便下夜班的市民过江回家，票价保持不变。",
                "<p>江北渡口自本周起恢复夜间航班，末班船延长至晚上十点，方便下夜班的市民过江回家，票价保持不变。</p>", List.of(), "zh", List.of());
        long polled = store.store(found, "shehui", OffsetDateTime.now(ZoneOffset.UTC), new ArticleStore.Provenance(source.id(), false, null)).id();
        index.drain();

        JsonNode latest = json("/api/v1/latest?size=5");
        assertThat(ids(latest)).as("first seen now, by a poll: the newest").startsWith(polled);
        assertThat(item(latest, polled).get("publish_time").isNull()).isTrue();
        assertThat(links(section(page("/"), "最新文章"))).startsWith(polled);
    }

    @Test
    @Order(4)
    void listDatesShowTheYearWhenItIsNotThisYear() throws Exception {
        long old = ingest.imported(page("老城墙修缮工程通过验收 城墙步道重新开放", "<meta property=\"article:published_time\" content=\"2019-09-26T10:00:00+08:00\">",
                "老城墙修缮工程历时两年，修补墙砖一万多块，城墙步道重新向市民开放，沿途设置了讲解牌和观景台。"), "old.html", "shehui").stored().id();
        index.drain();
        String title = "老城墙修缮工程通过验收";
        String tag = JSON.readTree(mvc.perform(get("/api/v1/articles/" + old)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("tags").get(0).asString();
        for (String list : List.of("/c/shehui?page=" + lastPage("/c/shehui"), "/t/" + tag,
                "/search?q=" + title)) {
            String html = page(list);
            int at = html.indexOf("/a/" + old + "\"");
            assertThat(at).as(list).isPositive();
            assertThat(html.substring(at, html.indexOf("</li>", at))).as(list).contains("2019-09-26").doesNotContain(">09-26");
        }
        String admin = mvc.perform(get("/admin/articles").param("q", title)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("王主编").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).contains("2019-09-26");
        String thisYear = page("/");
        assertThat(section(thisYear, "最新文章")).as("this year's dates stay short")
                .containsPattern("<span class=\"meta\">[^<]*\\d{2}-\\d{2}</span>").doesNotContain("2019-");
    }

    int lastPage(String list) throws Exception {
        Matcher m = Pattern.compile("第 \\d+ / (\\d+) 页").matcher(page(list));
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    static byte[] page(String title, String head, String text) {
        return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title + "</title>" + head
                + "</head><body><article><h1>" + title + "</h1><p>" + text + "</p><p>" + text + "</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    JsonNode json(String path) throws Exception {
        return JSON.readTree(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static List<Long> ids(JsonNode listing) {
        List<Long> out = new ArrayList<>();
        listing.get("items").forEach(i -> out.add(i.get("id").asLong()));
        return out;
    }

    static JsonNode item(JsonNode listing, long id) {
        for (JsonNode i : listing.get("items")) {
            if (i.get("id").asLong() == id) {
                return i;
            }
        }
        throw new AssertionError("not listed: " + id);
    }

    /** The HTML of the page's section under this heading. */
    static String section(String html, String heading) {
        int at = html.indexOf(heading + "</h2>");
        assertThat(at).as(heading).isPositive();
        return html.substring(at, html.indexOf("</section>", at));
    }

    static List<Long> links(String html) {
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"/a/(\\d+)\"").matcher(html);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
