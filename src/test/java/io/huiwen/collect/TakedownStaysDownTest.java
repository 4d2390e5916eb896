package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * A takedown does not come back by itself: an article collected from a feed and deleted by an
 * editor is skipped by the next poll of the same feed (its page is not even fetched again), and
 * the same page offered under another address by another source is refused too.
 */
@SpringBootTest(properties = {"huiwen.admin.password=secret", "huiwen.demo-content=false", "huiwen.collect.allow-private-hosts=true",
        "huiwen.collect.host-delay=50ms", "huiwen.collect.retry-backoff=50ms", "huiwen.collect.initial-delay=1h"})
@AutoConfigureMockMvc
class TakedownStaysDownTest {

    static final String TITLE = "北湖新建湿地公园向市民开放";
    static final String PAGE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + TITLE + "_北湖新闻网</title></head><body>"
            + "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/city/\">社会</a></div><h1>" + TITLE + "</h1>"
            + "<div class=\"info\">2026-11-26 09:00 来源：北湖日报</div><div class=\"article-content\">"
            + "<p>北湖湿地公园今天向市民开放，公园占地八百亩，修建了五公里环湖步道和三处观鸟平台，冬季可以看到成群的候鸟。</p>"
            + "<p>公园管理处提醒市民文明游园，不要投喂野生鸟类，观鸟平台每天早上七点开放，节假日需要在手机上预约入园。</p>"
            + "</div><div class=\"footer\">版权所有 北湖新闻网</div></body></html>";

    @RegisterExtension
    static final FakeSiteExtension SITE = new FakeSiteExtension(site -> {
        site.page("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        site.page("/news/2026/11/26/wetland.html", "text/html; charset=utf-8", PAGE);
        site.page("/mirror/wetland.html", "text/html; charset=utf-8", PAGE);
        site.page("/feed.xml", "application/rss+xml; charset=utf-8", feed(site, "/news/2026/11/26/wetland.html"));
        site.page("/mirror.xml", "application/rss+xml; charset=utf-8", feed(site, "/mirror/wetland.html"));
    });
    static final JsonMapper JSON = JsonMapper.builder().build();

    static String feed(FakeSite site, String path) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>北湖新闻网</title><link>" + site.url("/")
                + "</link><item><title>" + TITLE + "</title><link>" + site.url(path) + "</link><description>湿地公园开放。</description></item>"
                + "</channel></rss>";
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", () -> TestDataDir.create("takedown-stays-down").toString());
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;

    JsonNode call(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().is2xxSuccessful()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    long source(String path) throws Exception {
        return call(post("/api/v1/sources").with(httpBasic("admin", "secret")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"" + SITE.url(path) + "\",\"type\":\"feed\",\"category\":\"shehui\",\"enabled\":false}")).get("id").asLong();
    }

    JsonNode poll(long source) throws Exception {
        return call(post("/api/v1/sources/" + source + "/run").with(httpBasic("admin", "secret"))).get("poll");
    }

    @Test
    void aDeletedArticleIsNotCollectedAgainFromItsUrlOrAnother() throws Exception {
        long feed = source("/feed.xml");
        assertThat(poll(feed).get("stored").asInt()).isEqualTo(1);
        long id = articles.latest(1, 10).items().get(0).id();
        assertThat(articles.findById(id).orElseThrow().title()).isEqualTo(TITLE);
        long fetched = SITE.count("/news/2026/11/26/wetland.html");

        call(delete("/api/v1/articles/" + id).with(httpBasic("admin", "secret")));
        assertThat(articles.count()).isZero();

        JsonNode again = poll(feed);
        assertThat(again.get("stored").asInt()).as(again.toString()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(SITE.count("/news/2026/11/26/wetland.html")).as("the deleted URL is not fetched again").isEqualTo(fetched);

        JsonNode mirror = poll(source("/mirror.xml"));
        assertThat(mirror.get("stored").asInt()).as(mirror.toString()).isZero();
        assertThat(SITE.count("/mirror/wetland.html")).as("another address is fetched, and its page refused").isEqualTo(1);
        assertThat(articles.count()).isZero();
    }
}
