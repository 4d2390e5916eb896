package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.search.IndexSync;
import io.huiwen.search.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
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
 * Search over the demo articles as a reader sees it, on the page and in the JSON API. The data
 * directory starts with an index left by an older version, which the first sync rebuilds.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class SearchPageTest {

    static final Path DATA = withOldIndex(TestDataDir.create("search"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    /** An index as an older Huiwen wrote it: no schema version, one article the database does not have. */
    static Path withOldIndex(Path data) {
        try (var writer = new IndexWriter(FSDirectory.open(data.resolve("index")), new IndexWriterConfig())) {
            Document d = new Document();
            d.add(new StringField("id", "424242", Field.Store.YES));
            d.add(new TextField("title", "旧索引里的文章", Field.Store.YES));
            d.add(new TextField("body", "旧索引里的文章", Field.Store.YES));
            writer.addDocument(d);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    @Autowired MockMvc mvc;
    @Autowired IndexSync sync;
    @Autowired SearchIndex index;
    @Autowired ArticleRepository articles;

    @BeforeEach
    void indexed() {
        sync.drain();
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    JsonNode api(String query) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/search").param("q", query)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    List<String> titles(String query) throws Exception {
        List<String> out = new ArrayList<>();
        api(query).get("items").forEach(i -> out.add(i.get("title").asString()));
        return out;
    }

    @Test
    void anIndexLeftByAnOlderVersionIsRebuiltFromTheDatabase() throws Exception {
        assertThat(index.needsRebuild()).isFalse();
        assertThat(index.size()).isGreaterThanOrEqualTo(30);
        assertThat(titles("旧索引")).isEmpty();
    }

    @Test
    void aStoryCarriedByThreeOutletsIsOneResultThatSaysSo() throws Exception {
        String html = mvc.perform(get("/search").param("q", "望海港 外贸")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html.split("class=\"title\" href=\"/a/", -1).length - 1).as("one result for the story, not three").isEqualTo(1);
        assertThat(html).contains("3 家媒体报道");
        assertThat(api("望海港 外贸").get("items").get(0).get("story_size").asInt()).isEqualTo(3);
        assertThat(html).contains("href=\"/search?q=%E6%9C%9B%E6%B5%B7%E6%B8%AF%20%E5%A4%96%E8%B4%B8&amp;reports=all\">显示全部报道</a>");
    }

    @Test
    void everyReportOfAStoryIsShownWhenAsked() throws Exception {
        JsonNode all = JSON.readTree(mvc.perform(get("/api/v1/search").param("q", "望海港 外贸").param("reports", "all"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<String> titles = new ArrayList<>();
        all.get("items").forEach(i -> titles.add(i.get("title").asString()));
        assertThat(titles).hasSize(3).allMatch(t -> t.contains("望海港"));
        String html = mvc.perform(get("/search").param("q", "望海港 外贸").param("reports", "all")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html.split("class=\"title\" href=\"/a/", -1).length - 1).isEqualTo(3);
        assertThat(html).contains(">同一新闻只看一篇</a>").contains("&amp;sort=time&amp;reports=all\">按时间</a>");
    }

    @Test
    void aWordFindsEveryArticleThatUsesIt() throws Exception {
        assertThat(titles("机器人")).anyMatch(t -> t.startsWith("智能分拣机器人")).anyMatch(t -> t.startsWith("人形机器人同场竞技"));
    }

    @Test
    void traditionalCharactersFindTheSimplifiedArticle() throws Exception {
        assertThat(titles("人形機器人")).first().asString().startsWith("人形机器人同场竞技");
        assertThat(titles("馬拉松")).anyMatch(t -> t.contains("江城马拉松"));
    }

    @Test
    void pinyinFindsTheChineseWords() throws Exception {
        assertThat(titles("malasong")).anyMatch(t -> t.contains("江城马拉松"));
        assertThat(titles("renxing jiqiren")).first().asString().startsWith("人形机器人同场竞技");
        assertThat(titles("pingpangqiu")).first().asString().startsWith("乒乓球公开赛南屿站落幕");
    }

    @Test
    void aPlaceNameTheDictionaryDoesNotKnowIsFound() throws Exception {
        assertThat(titles("南屿")).anyMatch(t -> t.startsWith("先进封装产线在南屿投产")).anyMatch(t -> t.startsWith("乒乓球公开赛南屿站"));
    }

    @Test
    void phrasesAndExclusionsNarrowTheResults() throws Exception {
        assertThat(titles("\"人形机器人\"")).allMatch(t -> t.startsWith("人形机器人")).isNotEmpty();
        assertThat(titles("机器人 -人形")).noneMatch(t -> t.startsWith("人形机器人")).anyMatch(t -> t.contains("智能分拣机器人"));
    }

    @Test
    void sourceInTheQueryKeepsOneOutlet() throws Exception {
        JsonNode items = api("马拉松 source:体坛快报").get("items");
        assertThat(items).isNotEmpty().allMatch(i -> i.get("source").asString().equals("体坛快报"));
    }

    @Test
    void eachStoryIsListedOnceWithItsBestMatch() throws Exception {
        assertThat(titles("望海港 外贸 跨境电商")).hasSize(1);
    }

    @Test
    void filtersAndSortByTimeApplyOnThePageAndItsLinks() throws Exception {
        String html = page("/search?q=冠军&category=tiyu&sort=time");
        assertThat(html).contains("找到约").contains("<strong>按时间</strong>").contains("href=\"/search?q=%E5%86%A0%E5%86%9B&amp;category=tiyu\"");
        assertThat(html).doesNotContain("文旅周刊");
        JsonNode byTime = JSON.readTree(page("/api/v1/search?q=冠军&sort=time"));
        List<String> times = new ArrayList<>();
        byTime.get("items").forEach(i -> times.add(i.get("publish_time").asString()));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aDateRangeKeepsArticlesOfThoseDays() throws Exception {
        JsonNode all = api("马拉松").get("items");
        String day = all.get(0).get("publish_time").asString().substring(0, 10);
        JsonNode that = JSON.readTree(page("/api/v1/search?q=马拉松&from=" + day + "&to=" + day)).get("items");
        assertThat(that).isNotEmpty().allMatch(i -> i.get("publish_time").asString().startsWith(day));
        assertThat(JSON.readTree(page("/api/v1/search?q=马拉松&from=2001-01-01&to=2001-01-02")).get("total").asLong()).isZero();
    }

    @Test
    void snippetsMarkTheMatchesInTheBestPassage() throws Exception {
        String snippet = api("跑者").get("items").get(0).get("snippet").asString();
        assertThat(snippet).contains("<em>跑者</em>").hasSizeLessThan(400);
    }

    @Test
    void nothingFoundSuggestsASpellingAndRelatedTags() throws Exception {
        String html = page("/search?q=马拉送");
        assertThat(html).contains("没有找到").contains("您是不是要找：<a href=\"/search?q=%E9%A9%AC%E6%8B%89%E6%9D%BE\">马拉松</a>");
        JsonNode json = api("马拉送");
        assertThat(json.get("total").asLong()).isZero();
        assertThat(json.get("suggestion").asString()).isEqualTo("马拉松");
        assertThat(json.get("related_tags")).isNotEmpty();
        assertThat(html).contains("相关标签：<a href=\"/t/");
    }

    @Test
    void malformedQueriesAnswerWithAPageOrAClearMessage() throws Exception {
        for (String q : List.of("\"", "-", "--", "\"机器人", "机器人 -", "((((", "？？？", "a".repeat(10_000), "机器人\u0000\u0001",
                "<script>alert(1)</script>", "source:", "site:\"")) {
            String html = mvc.perform(get("/search").param("q", q)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(q).doesNotContain("<script>alert(1)</script>");
            mvc.perform(get("/api/v1/search").param("q", q)).andExpect(status().isOk());
        }
        assertThat(titles("\"机器人")).isNotEmpty();
        assertThat(api("-").get("message").asString()).isEqualTo("请输入要搜索的词语。");
        assertThat(page("/search?q=-")).contains("请输入要搜索的词语。");
        assertThat(page("/search?q=机器人&from=昨天&page=abc")).contains("已忽略").contains("<em>机器人</em>");
    }
}
