package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a reader sees on the portal's pages beyond the news itself: one heading per page, dates a
 * validator accepts, headings kept out of excerpts and snippets, captions that search finds, and a
 * search with no result that still gives a way on. Over the demo articles plus one undated article
 * written for this test, with a subheading, a link and a photo caption.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class ReadablePagesTest {

    static final Path DATA = TestDataDir.create("readable");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TITLE = "湖滨街道邻里餐厅开张 老人吃饭有了好去处";
    static final String LEAD = "午饭时分，湖滨街道的邻里餐厅坐满了老人，八十岁以上的老人每餐还能再减两元。";
    static final String HEADING = "小餐桌上的大民生";
    static final String NEXT = "今年七十六岁的钱大爷每天都来，他说饭菜软和，还能和老伙计们聊上几句。餐厅的点餐规则贴在门口。";
    static final String CAPTION = "厨师在餐厅后厨备餐，灶台由澜溪厨具捐赠。周宁/摄";
    /** A valid HTML date-time: to the second, with the offset (never 6 digits of fraction). */
    static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");

    static long undatedId;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleStore store;
    @Autowired IndexSync sync;

    @BeforeEach
    void undatedArticle() {
        if (undatedId == 0) {
            String html = "<p>" + LEAD + "</p><h2>" + HEADING + "</h2>"
                    + "<p>今年七十六岁的钱大爷每天都来，他说饭菜软和，还能和老伙计们聊上几句。餐厅的<a href=\"https://huibin.example/rules\">点餐规则</a>贴在门口。</p>"
                    + "<figure><img src=\"https://huibin.example/kitchen.jpg\"><figcaption>" + CAPTION + "</figcaption></figure>";
            undatedId = store.store(new ExtractedArticle("https://huibin.example/news/1", TITLE, null, "湖滨新视界客户端", "王晓", "王晓",
                    List.of("首页", "社会"), LEAD + "\n\n" + HEADING + "\n\n" + NEXT, html,
                    List.of(new ExtractedArticle.Image("https://huibin.example/kitchen.jpg", CAPTION)), "zh", List.of()),
                    null, OffsetDateTime.now(ZoneOffset.UTC)).id();
        }
        sync.drain();
    }

    String page(String path) throws Exception {
        return mvc.perform(get(java.net.URI.create(path))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    JsonNode api(String query) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/search").param("q", query)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static List<String> h1s(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group(1).replaceAll("<[^>]+>", "").strip());
        }
        return out;
    }

    static List<String> datetimes(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<time([^>]*)>").matcher(html);
        while (m.find()) {
            Matcher dt = Pattern.compile("datetime=\"([^\"]*)\"").matcher(m.group(1));
            out.add(dt.find() ? dt.group(1) : "(none)");
        }
        return out;
    }

    long firstHit(String query) throws Exception {
        return api(query).get("items").get(0).get("id").asLong();
    }

    @Test
    void everyReaderPageHasExactlyOneH1() throws Exception {
        assertThat(h1s(page("/"))).containsExactly("汇闻 · 首页");
        assertThat(h1s(page("/search?q=" + Display.url("机器人")))).containsExactly("搜索“机器人”");
        assertThat(h1s(page("/search?q=qqqzzzxxv"))).containsExactly("搜索“qqqzzzxxv”");
        assertThat(h1s(page("/search"))).containsExactly("搜索新闻");
        assertThat(h1s(page("/a/" + undatedId))).containsExactly(TITLE);
        assertThat(h1s(page("/c/shehui"))).hasSize(1);
    }

    @Test
    void datesAreValidTimeElementsAndAnUnknownDateIsNoTimeElement() throws Exception {
        long dated = firstHit("机器人");
        List<String> all = new ArrayList<>();
        for (String path : List.of("/", "/a/" + dated, "/search?q=" + Display.url("机器人"), "/search?q=" + Display.url("望海港 外贸"))) {
            String html = page(path);
            assertThat(html).doesNotContain("未知</time>");
            all.addAll(datetimes(html));
        }
        assertThat(all).isNotEmpty().allMatch(d -> DATETIME.matcher(d).matches(), "a datetime to the second with +08:00");
        String undated = page("/a/" + undatedId);
        assertThat(undated).doesNotContain("<time").contains("<span class=\"date\">日期：未知</span>");
    }

    @Test
    void theExcerptStartsFromTheTextAndLeavesTheSubheadingOut() throws Exception {
        String html = page("/a/" + undatedId);
        Matcher description = Pattern.compile("<meta name=\"description\" content=\"([^\"]*)\"").matcher(html);
        assertThat(description.find()).isTrue();
        assertThat(description.group(1)).startsWith("午饭时分").contains("两元。今年七十六岁的钱大爷").doesNotContain(HEADING);
    }

    @Test
    void aSearchSnippetKeepsTheSubheadingApartFromTheNextParagraph() throws Exception {
        JsonNode items = api("钱大爷").get("items");
        assertThat(items).isNotEmpty();
        String snippet = null;
        for (JsonNode item : items) {
            if (item.get("id").asLong() == undatedId) {
                snippet = item.toString();
            }
        }
        assertThat(snippet).as("the article is found").isNotNull();
        String html = page("/search?q=" + Display.url("钱大爷"));
        String text = html.replaceAll("<[^>]+>", "");
        assertThat(text).contains("钱大爷").doesNotContain(HEADING + "今年").doesNotContain("两元。" + HEADING);
    }

    @Test
    void aNameFoundOnlyInAPhotoCaptionIsSearchable() throws Exception {
        JsonNode items = api("澜溪厨具").get("items");
        List<Long> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(ids).contains(undatedId);
        // a demo photographer named only under a picture
        List<String> titles = new ArrayList<>();
        api("陈立").get("items").forEach(i -> titles.add(i.get("title").asString()));
        assertThat(titles).isNotEmpty();
        assertThat(page("/search?q=" + Display.url("澜溪厨具"))).contains(TITLE).contains("<em>澜溪厨具</em>");
    }

    @Test
    void aSearchWithNoResultGivesAWayOn() throws Exception {
        String html = page("/search?q=qqqzzzxxv");
        assertThat(html).contains("没有找到与“qqqzzzxxv”相关的文章").contains("换个方式试试").contains("class=\"search-tips\"");
        assertThat(section(html, "side hot")).contains("<h2>热门文章</h2>").contains("href=\"/a/");
        assertThat(section(html, "side latest")).contains("<h2>最新文章</h2>").contains("href=\"/a/");
        String filtered = page("/search?q=qqqzzzxxv&category=keji&source=" + Display.url("东海日报"));
        assertThat(filtered).contains("去掉筛选条件").contains("href=\"/search?q=qqqzzzxxv\">在全部文章中搜索“qqqzzzxxv”</a>");
        assertThat(page("/search?q=" + Display.url("机器人"))).doesNotContain("换个方式试试").doesNotContain("class=\"side latest\"");
    }

    static String section(String html, String cssClass) {
        int at = html.indexOf("<section class=\"" + cssClass + "\">");
        assertThat(at).as(cssClass).isNotNegative();
        return html.substring(at, html.indexOf("</section>", at));
    }
}
