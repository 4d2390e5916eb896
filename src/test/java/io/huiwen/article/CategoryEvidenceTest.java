package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Where an article's category comes from: the editor, the source, else the evidence weighed
 * together (breadcrumb, the page's section, the address's channel, section words, the classifier
 * trained on real labelled articles); what is weak or disputed waits for an editor.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class CategoryEvidenceTest {

    static final Path DATA = TestDataDir.create("categories");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    static final String MARATHON = "周日上午，滨湖国际马拉松鸣枪开跑，两万名跑者参赛。男子全程冠军以2小时10分的成绩刷新赛会纪录，"
            + "女子冠军由本土选手获得。赛事组委会在赛道沿线设置了补给站和医疗点，志愿者为选手服务。不少市民来到赛道旁为跑者加油。";
    /** A text no section's words claim: a recipe. */
    static final String DUMPLINGS = "和面时水要分三次加入，面团揉到光滑后盖上湿布醒二十分钟。"
            + "韭菜洗净沥干再切碎，拌馅时先放油锁住水分，最后放盐，包好的饺子下锅后点三次凉水。";

    @Autowired ArticleStore store;
    @Autowired ArticleRepository articles;
    @Autowired CategoryRepository categories;
    @Autowired IndexSync index;
    @Autowired JdbcClient jdbc;
    @Autowired EditorialDesk desk;
    @Autowired MockMvc mvc;

    static ExtractedArticle page(String title, String text, String... breadcrumb) {
        return at(null, title, text, breadcrumb);
    }

    static ExtractedArticle at(String url, String title, String text, String... breadcrumb) {
        return new ExtractedArticle(url, title, OffsetDateTime.now(), "测试来源", null, null, List.of(breadcrumb), text,
                "<p>" + text + "</p>", List.of(), "zh", List.of());
    }

    /** A page whose {@code <title>} names channels after its headline. */
    static ExtractedArticle titled(String url, String title, String text, String... titleTrail) {
        return new ExtractedArticle(url, title, OffsetDateTime.now(), "测试来源", null, null, List.of(), text, "<p>" + text + "</p>",
                List.of(), "zh", List.of(), null, null, null, List.of(titleTrail));
    }

    String reviewReason(long id) {
        return jdbc.sql("SELECT review_reason FROM article WHERE id = ?").param(id).query(String.class).optional().orElse(null);
    }

    String categoryBy(long id) {
        return jdbc.sql("SELECT category_by FROM article WHERE id = ?").param(id).query(String.class).single();
    }

    String slugOf(long id) {
        Category c = articles.findById(id).orElseThrow().category();
        return c == null ? null : c.slug();
    }

    @Test
    void aBreadcrumbNamesACategoryByNameOrAlias() {
        long finance = store.store(page("银行下调存款利率", "多家银行宣布下调定期存款利率。", "首页", "财经频道"), null, OffsetDateTime.now()).id();
        long world = store.store(page("多国代表出席峰会", "峰会在日内瓦举行。", "首頁", "國際"), null, OffsetDateTime.now()).id();
        long upward = store.store(page("季度经济数据发布", "一季度经济运行稳中有进。", "首页", "经济", "正文"), null, OffsetDateTime.now()).id();
        assertThat(slugOf(finance)).isEqualTo("caijing");
        assertThat(slugOf(world)).isEqualTo("guoji");
        assertThat(slugOf(upward)).as("正文 names no category; the crumb above it does").isEqualTo("caijing");
        assertThat(categoryBy(finance)).isEqualTo("breadcrumb");
    }

    @Test
    void aBreadcrumbWeHaveNoCategoryForCreatesNone() {
        int before = categories.findAll().size();
        long id = store.store(page("滨湖马拉松开跑 两万跑者参赛", MARATHON, "首页", "房产"), null, OffsetDateTime.now()).id();
        assertThat(categories.findAll()).hasSize(before).noneMatch(c -> c.name().equals("房产"));
        assertThat(slugOf(id)).as("the section words decide instead").isEqualTo("tiyu");
        assertThat(categoryBy(id)).isEqualTo("lexicon");
        assertThat(articles.findById(id).orElseThrow().published()).isTrue();
    }

    @Test
    void theEditorsChoiceBeatsTheBreadcrumb() {
        long id = store.store(page("马拉松赛事带动消费", MARATHON, "首页", "财经"), "tiyu", OffsetDateTime.now()).id();
        assertThat(slugOf(id)).isEqualTo("tiyu");
        assertThat(categoryBy(id)).isEqualTo("editor");
    }

    @Test
    void whatNoEvidenceDecidesWaitsForAnEditor() throws Exception {
        long id = store.store(page("彗星本月下旬可见", DUMPLINGS), null, OffsetDateTime.now()).id();
        Article stored = articles.findById(id).orElseThrow();
        assertThat(stored.published()).isFalse();
        assertThat(jdbc.sql("SELECT review_reason FROM article WHERE id = ?").param(id).query(String.class).single()).isEqualTo("category");
        index.drain();
        mvc.perform(get("/a/" + id)).andExpect(status().isNotFound());

        String admin = mvc.perform(get("/admin").with(httpBasic("admin", "test-admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).contains("彗星本月下旬可见").contains("栏目待定").contains("<option value=\"keji\"");

        mvc.perform(post("/admin/articles/" + id + "/publish").param("category", "keji").with(httpBasic("admin", "test-admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.findById(id).orElseThrow().published()).isTrue();
        assertThat(slugOf(id)).isEqualTo("keji");
        assertThat(categoryBy(id)).isEqualTo("editor");
        index.drain();
        String section = mvc.perform(get("/c/keji")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(section).contains("彗星本月下旬可见");
    }

    @Test
    void anEditorMovesAnArticleToAnotherCategoryThroughTheApi() throws Exception {
        long id = store.store(page("马拉松赛事带动消费", MARATHON, "首页", "财经"), null, OffsetDateTime.now()).id();
        String body = "{\"category\":\"tiyu\"}";
        mvc.perform(post("/api/v1/articles/" + id + "/category").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        assertThat(slugOf(id)).isEqualTo("caijing");
        mvc.perform(post("/api/v1/articles/" + id + "/category").with(httpBasic("admin", "test-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"no-such\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/articles/999999/category").with(httpBasic("admin", "test-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/articles/" + id + "/category").with(httpBasic("admin", "test-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        assertThat(slugOf(id)).isEqualTo("tiyu");
        assertThat(categoryBy(id)).isEqualTo("editor");
    }

    @Test
    void aBreadcrumbReadsSectionNamesNewsSitesUse() {
        long id = store.store(page("新型望远镜投入使用", "观测站新建的望远镜昨晚首次开光。", "首页", "科学动态", "天文航天"), null,
                OffsetDateTime.now()).id();
        assertThat(slugOf(id)).as("天文航天 is no alias, but 科学动态 is 科学").isEqualTo("keji");
        assertThat(categoryBy(id)).isEqualTo("breadcrumb");
        assertThat(reviewReason(id)).isNull();
    }

    @Test
    void thePagesOwnSectionNameFilesIt() {
        long id = store.store(page("外长会晤在日内瓦举行", "双方就地区局势交换了意见。").withSection("国际新闻"), null, OffsetDateTime.now()).id();
        assertThat(slugOf(id)).isEqualTo("guoji");
        assertThat(categoryBy(id)).isEqualTo("section");
        assertThat(articles.findById(id).orElseThrow().published()).isTrue();
    }

    @Test
    void aChannelInTheAddressAloneIsOnlyASuggestion() {
        long id = store.store(at("https://sports.example.cn/2026/11/match.html", "周末去湖边走走",
                "湖边的步道修好了，周末去走走的人不少，有人带着孩子放风筝。"), null, OffsetDateTime.now()).id();
        assertThat(slugOf(id)).isEqualTo("tiyu");
        assertThat(categoryBy(id)).isEqualTo("channel");
        assertThat(reviewReason(id)).isEqualTo("category");
    }

    @Test
    void anEditorPublishingTheSuggestionConfirmsItAndTheClassifierMayLearnFromIt() {
        long confirmed = store.store(at("https://sports.example.cn/2026/11/lakeside.html", "湖边步道周末人气旺",
                "湖边的步道修好了，周末去走走的人不少。"), null, OffsetDateTime.now()).id();
        long bySystem = store.store(at("https://sports.example.cn/2026/11/riverside.html", "河边步道周末人气旺",
                "河边的步道修好了，周末去走走的人不少。"), null, OffsetDateTime.now()).id();
        assertThat(reviewReason(confirmed)).isEqualTo("category");

        assertThat(desk.publish(confirmed, null, "editor-wang")).isTrue();
        assertThat(desk.publish(bySystem, null, EditorialDesk.SYSTEM)).isTrue();

        assertThat(slugOf(confirmed)).isEqualTo("tiyu");
        assertThat(categoryBy(confirmed)).as("a person published the suggested category").isEqualTo("editor");
        assertThat(categoryBy(bySystem)).as("nobody looked: still only a suggestion").isEqualTo("channel");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article a WHERE a.id = ? AND " + CategoryGuesser.EVIDENCE)
                .param(confirmed).query(Long.class).single()).as("among the classifier's examples").isEqualTo(1);
    }

    @Test
    void aChannelThatTheWordsAgreeWithIsSure() {
        long id = store.store(at("https://www.example.cn/sports/2026/marathon.html", "滨湖马拉松开跑", "周日上午，两万名跑者参赛。"),
                null, OffsetDateTime.now()).id();
        assertThat(slugOf(id)).isEqualTo("tiyu");
        assertThat(reviewReason(id)).isNull();
    }

    @Test
    void anOutletLineNamingItsChannelIsAChannel() {
        String text = "这幅画是老人年轻时画的，如今挂在县里一户人家的堂屋。";
        long id = store.store(new ExtractedArticle(null, "一幅旧画里的家风", OffsetDateTime.now(), "东江网-文化频道", null, null, List.of(),
                text, "<p>" + text + "</p>", List.of(), "zh", List.of()), null, OffsetDateTime.now()).id();
        assertThat(slugOf(id)).isEqualTo("wenhua");
        assertThat(categoryBy(id)).isEqualTo("channel");
        assertThat(reviewReason(id)).as("the channel and the words agree").isNull();
    }

    @Test
    void evidenceThatDisagreesWaitsForAnEditorWithTheStrongerSuggestion() {
        long id = store.store(at("https://finance.example.cn/roll/marathon.html", "山地马拉松鸣枪 三千跑者参赛",
                "山地马拉松今晨鸣枪，三千名选手参赛，男子冠军和女子冠军均打破赛会纪录，赛事吸引了众多跑者。"), null,
                OffsetDateTime.now()).id();
        assertThat(slugOf(id)).as("the words weigh more than the channel").isEqualTo("tiyu");
        assertThat(reviewReason(id)).isEqualTo("category");
        assertThat(articles.findById(id).orElseThrow().published()).isFalse();
    }

    @Test
    void theClassifierLearnsFromNeitherGuessesNorTheDemoArticles() {
        long guessed = store.store(page("湖畔半程马拉松开跑", "湖畔半程马拉松开跑，五千名跑者参赛，冠军成绩刷新赛会纪录，选手们在终点合影。"),
                null, OffsetDateTime.now()).id();
        assertThat(categoryBy(guessed)).isEqualTo("lexicon");
        long demo = jdbc.sql("SELECT COUNT(*) FROM article WHERE source_id IS NULL AND source_url IS NULL AND category_by = 'breadcrumb'")
                .query(Long.class).single();
        assertThat(demo).as("the demo articles are filed by their breadcrumbs").isGreaterThan(30);
        long evidence = jdbc.sql("SELECT COUNT(*) FROM article a WHERE " + CategoryGuesser.EVIDENCE).query(Long.class).single();
        long real = jdbc.sql("SELECT COUNT(*) FROM article WHERE category_id IS NOT NULL AND status = 'published' "
                + "AND category_by IN ('editor', 'source', 'breadcrumb', 'section', 'channel') "
                + "AND (source_id IS NOT NULL OR source_url IS NOT NULL OR category_by = 'editor')").query(Long.class).single();
        assertThat(evidence).isEqualTo(real);
        long demoTaught = jdbc.sql("SELECT COUNT(*) FROM article a WHERE " + CategoryGuesser.EVIDENCE
                + " AND a.id IN (SELECT id FROM article ORDER BY id LIMIT 39)").query(Long.class).single();
        assertThat(demoTaught).as("demo articles (stored first) among the classifier's examples").isZero();
    }

    @Test
    void theDemoArticlesArePublishedInTheirOwnSections() {
        // the demo articles are stored at start-up, before any test's: the lowest ids
        List<String> demo = jdbc.sql("SELECT status || ':' || category_by FROM article ORDER BY id LIMIT 39").query(String.class).list();
        assertThat(demo).hasSize(39).allMatch(s -> s.equals("published:breadcrumb"));
    }

    @Test
    void aChannelTheTitleNamesThatTheWordsAgreeWithIsSure() {
        long id = store.store(titled(null, "滨湖马拉松开跑", "周日上午，两万名跑者参赛。", "专题", "滨湖体育", "滨湖网"), null,
                OffsetDateTime.now()).id();
        assertThat(slugOf(id)).as("滨湖体育 is the site's 体育 channel").isEqualTo("tiyu");
        assertThat(categoryBy(id)).isEqualTo("channel");
        assertThat(reviewReason(id)).isNull();
    }

    @Test
    void aChannelTheAddressAndTheTitleBothNameIsOneWitnessNotTwo() {
        long id = store.store(titled("https://finance.example.cn/roll/noodles.html", "手擀面怎么擀得薄",
                "面团要醒足半小时，擀的时候撒一层薄粉，从中间往四周推，边擀边转，切好的面条抖散后再下锅。", "滨湖财经", "滨湖网"),
                null, OffsetDateTime.now()).id();
        assertThat(slugOf(id)).isEqualTo("caijing");
        assertThat(reviewReason(id)).as("one filing, said twice, with no word agreeing").isEqualTo("category");
    }

    @Test
    void theSitesOwnNameInTheTitleNamesAChannelOnlyByItsEnd() {
        long outlet = store.store(titled(null, "葱油饼怎么烙得酥", "面团里抹一层葱油，卷起来再盘成圆饼，小火慢烙，两面金黄后拍松。",
                "国际在线"), null, OffsetDateTime.now()).id();
        assertThat(slugOf(outlet)).as("国际在线 is an outlet's name").isNull();
        long channel = store.store(titled(null, "馒头怎么蒸得松软", "发面时水温不要太高，面团发到两倍大再揉匀排气，冷水上锅，蒸好后焖三分钟。",
                "滨湖文化"), null, OffsetDateTime.now()).id();
        assertThat(slugOf(channel)).isEqualTo("wenhua");
    }
}
