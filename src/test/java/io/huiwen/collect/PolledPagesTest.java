package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.ingest.Ingest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: a page that does not say when it was published is stored with the date its source
 * states as the publication's (a feed's pubDate, a news sitemap's publication_date) or with none;
 * never with a sitemap's {@code <lastmod>}, an Atom {@code <updated>}, the fetch or the import time.
 * Each kind of source gets a page of its own without any date in it. And a page is fetched once:
 * a re-poll does not fetch again a page stored under the canonical address it names.
 */
@SpringBootTest(properties = {"huiwen.admin.password=secret", "huiwen.demo-content=false", "huiwen.collect.allow-private-hosts=true",
        "huiwen.collect.host-delay=20ms", "huiwen.collect.retry-backoff=20ms"})
@AutoConfigureMockMvc
class PolledPagesTest {

    static final String TODAY = OffsetDateTime.now(ZoneOffset.ofHours(8)).toLocalDate().toString();

    @RegisterExtension
    static final FakeSiteExtension SITE = new FakeSiteExtension(PolledPagesTest::outletWithUndatedPages);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", () -> TestDataDir.create("dates").toString());
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    /** A page with a headline, an outlet and a body, and no date anywhere. */
    static String undated(String title, String topic) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "_南湖新闻网</title></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a></div><h1>" + title + "</h1><div class=\"info\">来源：南湖日报</div>"
                + "<div class=\"article-content\"><p>" + topic + "近日在南湖市举行，来自全市各区的两百多名居民参加了活动，"
                + "现场气氛热烈，不少家庭是全家一起来的。</p><p>主办方介绍，" + topic + "已经连续举办五届，今年首次增设了少儿组，"
                + "报名人数比去年增加了三成，明年还将继续扩大规模。</p></div><div class=\"footer\">版权所有 南湖新闻网</div></body></html>";
    }

    static void outletWithUndatedPages(FakeSite site) {
        String html = "text/html; charset=utf-8";
        site.page("/rss/kite.html", html, undated("南湖风筝节开幕", "南湖风筝节"));
        site.page("/atom/chess.html", html, undated("南湖象棋邀请赛落幕", "南湖象棋邀请赛"));
        site.page("/news/boat.html", html, undated("南湖龙舟赛鸣锣", "南湖龙舟赛"));
        site.page("/plain/run.html", html, undated("南湖环湖跑开跑", "南湖环湖跑"));
        site.page("/wenti/2026/1120/choir.html", html, undated("南湖合唱节在市民广场唱响", "南湖合唱节"));
        site.page("/wenti/kids.html", html, undated("南湖少儿书法展在图书馆开展", "南湖少儿书法展"));
        site.page("/rss.xml", "application/rss+xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>南湖新闻网</title><link>" + site.url("/") + "</link><item><title>南湖风筝节开幕</title><link>"
                + site.url("/rss/kite.html") + "</link><pubDate>Fri, 20 Nov 2026 09:15:00 +0800</pubDate></item></channel></rss>");
        site.page("/atom.xml", "application/atom+xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>南湖新闻网</title><id>urn:nanhu</id><updated>" + TODAY + "T01:00:00Z</updated><entry><title>南湖象棋邀请赛落幕</title>"
                + "<id>urn:chess</id><updated>" + TODAY + "T01:00:00Z</updated><link href=\"" + site.url("/atom/chess.html") + "\"/></entry></feed>");
        site.page("/news-sitemap.xml", "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
                + "<url><loc>" + site.url("/news/boat.html") + "</loc><lastmod>" + TODAY + "</lastmod><news:news><news:publication>"
                + "<news:name>南湖新闻网</news:name><news:language>zh</news:language></news:publication>"
                + "<news:publication_date>2026-11-18</news:publication_date><news:title>南湖龙舟赛鸣锣</news:title></news:news></url></urlset>");
        site.page("/sitemap.xml", "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + site.url("/plain/run.html") + "</loc><lastmod>" + TODAY + "T08:00:00+08:00</lastmod></url></urlset>");
        site.page("/mirror/2026/1121/lake.html", html, undated("南湖清淤工程完工", "南湖清淤工程")
                .replace("<title>", "<link rel=\"canonical\" href=\"https://www.nanhu.example.cn/2026/1121/lake.html\"><title>"));
        site.page("/mirror/sitemap.xml", "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + site.url("/mirror/2026/1121/lake.html") + "</loc><lastmod>" + TODAY + "</lastmod></url></urlset>");
        site.page("/wenti/", html, "<html><head><meta charset=\"utf-8\"><title>文体</title></head><body><ul class=\"list\">"
                + "<li><a href=\"/wenti/2026/1120/choir.html\">南湖合唱节在市民广场唱响</a></li>"
                + "<li><a href=\"/wenti/kids.html\">南湖少儿书法展在图书馆开展</a></li></ul></body></html>");
    }

    long polledFrom(String path, String type) throws Exception {
        return polledFrom(path, type, 1);
    }

    long polledFrom(String path, String type, int pages) throws Exception {
        String json = mvc.perform(post("/api/v1/sources").with(httpBasic("admin", "secret")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + SITE.url(path) + "\",\"type\":\"" + type + "\",\"enabled\":false}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = JSON.readTree(json).get("id").asLong();
        JsonNode poll = JSON.readTree(mvc.perform(post("/api/v1/sources/" + id + "/run").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("poll");
        assertThat(poll.get("stored").asInt()).as(poll.toString()).isEqualTo(pages);
        return id;
    }

    /** The stored row's publish time and precision, as a string ("null" when unknown). */
    String storedDate(String title) {
        return jdbc.sql("SELECT publish_time, publish_precision FROM article WHERE title = ?").param(title)
                .query((rs, i) -> {
                    OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                    return t == null ? "null" : t.toInstant().atOffset(ZoneOffset.ofHours(8)) + " " + rs.getString(2);
                }).single();
    }

    @Test
    void anRssItemsPubDateDatesAPageThatGivesNone() throws Exception {
        polledFrom("/rss.xml", "feed");
        assertThat(storedDate("南湖风筝节开幕")).isEqualTo("2026-11-20T09:15+08:00 SECOND");
    }

    @Test
    void anAtomEntryWithOnlyUpdatedLeavesThePageUndated() throws Exception {
        polledFrom("/atom.xml", "feed");
        assertThat(storedDate("南湖象棋邀请赛落幕")).isEqualTo("null");
    }

    @Test
    void aNewsSitemapsDateOnlyPublicationDateIsADayNotItsLastmod() throws Exception {
        polledFrom("/news-sitemap.xml", "sitemap");
        assertThat(storedDate("南湖龙舟赛鸣锣")).isEqualTo("2026-11-18T00:00+08:00 DAY");
    }

    @Test
    void aPlainSitemapsLastmodIsNeverAPublishTime() throws Exception {
        polledFrom("/sitemap.xml", "sitemap");
        assertThat(storedDate("南湖环湖跑开跑")).isEqualTo("null");
    }

    /** The list dates nothing; a page's own address that files it under a day (/2026/1120/) gives that day, and only the day. */
    @Test
    void aListPageGivesNoDateButAPagesOwnAddressGivesItsDay() throws Exception {
        polledFrom("/wenti/", "list", 2);
        assertThat(storedDate("南湖合唱节在市民广场唱响")).isEqualTo("2026-11-20T00:00+08:00 DAY");
        assertThat(storedDate("南湖少儿书法展在图书馆开展")).isEqualTo("null");
    }

    @Test
    void anImportedFileIsNotDatedByItsImport(@Autowired Ingest ingest) throws Exception {
        ingest.imported(undated("南湖灯会亮灯", "南湖灯会").getBytes(StandardCharsets.UTF_8), "lanterns.html", null);
        assertThat(storedDate("南湖灯会亮灯")).isEqualTo("null");
    }

    /** Issue 17: "a re-poll fetched 12 pages again without conditional headers" — those naming another canonical address. */
    @Test
    void aRepollDoesNotFetchAPageStoredUnderTheCanonicalAddressItNames() throws Exception {
        long id = polledFrom("/mirror/sitemap.xml", "sitemap");
        assertThat(jdbc.sql("SELECT source_url FROM article WHERE title = '南湖清淤工程完工'").query(String.class).single())
                .isEqualTo("https://www.nanhu.example.cn/2026/1121/lake.html");
        JsonNode again = JSON.readTree(mvc.perform(post("/api/v1/sources/" + id + "/run").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("poll");
        assertThat(again.get("duplicates").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(SITE.count("/mirror/2026/1121/lake.html")).as("fetched by the first poll only").isEqualTo(1);
    }
}
