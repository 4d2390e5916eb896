package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reader types and the article it must (or must not) find, over a few articles written for these cases. */
class ReaderSearchTest {

    @TempDir
    static Path dir;
    static LuceneSearchIndex index;
    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    static final long CIXI = 1, YUYAO_ROBOTS = 2, SAINUOWEI = 3, JAVA = 4, TRADITIONAL = 5, SCATTERED = 6, APART = 7,
            PANDA = 8, PANDA_SOUNDALIKE = 9, COMPOUND = 10;

    @BeforeAll
    static void index() {
        index = new LuceneSearchIndex(dir);
        index.upsert(List.of(
                article(CIXI, "慈溪杨梅节开幕", "慈溪市今天举办杨梅节，果农迎来丰收季。", List.of("杨梅"), "甬派客户端", "https://www.yongpai.example.cn/a/1"),
                article(YUYAO_ROBOTS, "余姚机器人小镇引进新项目", "余姚的机器人企业今年新增订单三成。", List.of("机器人"), "宁波晚报", "https://news.nbwb.example.cn/2"),
                article(SAINUOWEI, "新款传感器芯片发布", "本地企业赛诺微发布新一代传感器芯片，功耗下降一半。", List.of("芯片"), "科创前沿", null),
                article(JAVA, "java 安全管理器被弃用", "Java 17 将安全管理器标记为弃用，开发者需要迁移。", List.of("Java"), "开发者周刊", null),
                article(TRADITIONAL, "機器人產業園在東莞開工", "這座機器人產業園佔地千畝，預計明年投產。", List.of(), "港澳快訊", null),
                article(SCATTERED, "球队比赛信守诺言", "赛后队长在微博上兑现诺言，感谢球迷支持。", List.of(), "体坛快报", null),
                article(APART, "机器人进课堂", "学校引进机器人课程，带动本地教育产业发展。", List.of(), "教育时报", null),
                article(PANDA, "Panda Express 开出新门店", "快餐连锁 Panda Express 在商场开出新店。", List.of(), "商业观察", null),
                article(PANDA_SOUNDALIKE, "盼达用车推出新车型", "共享汽车品牌盼达推出新车型。", List.of(), "汽车报", null),
                article(COMPOUND, "浙江机器人产业集团成立", "当地组建浙江机器人产业集团，推动机器人产业发展。", List.of(), "浙江日报", null)));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    static IndexedArticle article(long id, String title, String text, List<String> tags, String source, String url) {
        return new IndexedArticle(id, title, text, tags, source, "keji", NOW.minusHours(id), id, url);
    }

    static SearchResults search(String query) {
        return index.search(SearchRequest.of(query, 1));
    }

    static List<Long> ids(String query) {
        return search(query).hits().stream().map(SearchResults.Hit::id).toList();
    }

    @Test
    void aWordInsideAnEnglishTitleIsFound() {
        assertThat(ids("安全")).containsExactly(JAVA); // "java 安全管理器" missed by other systems
    }

    @Test
    void anUnknownNameIsFoundByItsCharactersInARow() {
        assertThat(ids("赛诺微")).containsExactly(SAINUOWEI);
    }

    @Test
    void anUnknownNameDoesNotMatchItsCharactersScattered() {
        assertThat(ids("赛诺微")).doesNotContain(SCATTERED);
    }

    @Test
    void traditionalFindsSimplifiedAndTheOtherWayRound() {
        assertThat(ids("慈谿")).containsExactly(CIXI);
        assertThat(ids("機器人")).contains(YUYAO_ROBOTS, COMPOUND);
        assertThat(ids("机器人产业园")).containsExactly(TRADITIONAL);
    }

    @Test
    void fullWidthAndCapitalLettersFindLatinWords() {
        assertThat(ids("ＪＡＶＡ")).containsExactly(JAVA);
        assertThat(ids("JAVA 安全")).containsExactly(JAVA);
    }

    @Test
    void pinyinFindsTheChineseWords() {
        assertThat(ids("cixi")).containsExactly(CIXI);
        assertThat(ids("yuyao jiqiren")).containsExactly(YUYAO_ROBOTS);
        assertThat(ids("yuyaojiqiren")).containsExactly(YUYAO_ROBOTS);
        assertThat(ids("余姚 jiqiren")).containsExactly(YUYAO_ROBOTS);
    }

    @Test
    void pinyinMatchesAreHighlightedInChinese() {
        assertThat(search("cixi").hits().get(0).titleHtml()).contains("<em>慈溪</em>");
    }

    @Test
    void aLatinWordThatIsAlsoPinyinFindsTheLatinWordFirst() {
        assertThat(ids("panda")).startsWith(PANDA);
        assertThat(ids("java")).containsExactly(JAVA);
    }

    @Test
    void quotedPhrasesNeedTheWordsTogetherAndInOrder() {
        assertThat(ids("机器人 产业")).contains(APART, COMPOUND);
        assertThat(ids("\"机器人产业\"")).contains(COMPOUND).doesNotContain(APART);
        assertThat(ids("\"机器人 产业\"")).as("spaces between Han characters do not count").contains(COMPOUND).doesNotContain(APART);
        assertThat(ids("\"产业机器人\"")).isEmpty();
    }

    @Test
    void minusExcludesWordsAndPhrases() {
        assertThat(ids("机器人 -集团")).contains(YUYAO_ROBOTS).doesNotContain(COMPOUND);
        assertThat(ids("机器人 -\"余姚机器人\"")).contains(COMPOUND).doesNotContain(YUYAO_ROBOTS);
    }

    @Test
    void sourceAndSiteKeepOneSource() {
        assertThat(ids("杨梅 source:甬派客户端")).containsExactly(CIXI);
        assertThat(ids("杨梅 source:宁波晚报")).isEmpty();
        assertThat(ids("机器人 site:nbwb.example.cn")).containsExactly(YUYAO_ROBOTS);
        assertThat(ids("机器人 -source:宁波晚报")).doesNotContain(YUYAO_ROBOTS).isNotEmpty();
        assertThat(ids("source:甬派")).as("a source alone lists it; a name's start is enough").containsExactly(CIXI);
        assertThat(ids("source:港澳快讯")).as("folded like the text").containsExactly(TRADITIONAL);
    }

    @Test
    void theSourceFilterParameterFoldsLikeTheQuery() {
        var r = index.search(new SearchRequest("机器人", null, "港澳快訊", null, null, null, 1, 10));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).containsExactly(TRADITIONAL);
    }

    @Test
    void bigramMatchesAreHighlighted() {
        assertThat(search("赛诺微").hits().get(0).snippetHtml()).contains("<em>赛诺微</em>");
    }

    @Test
    void aMisspelledWordGetsASuggestionThatFindsSomething() {
        SearchResults r = search("杨每节");
        assertThat(r.total()).isZero();
        assertThat(r.suggestion()).isEqualTo("杨梅节");
        assertThat(ids(r.suggestion())).containsExactly(CIXI);
    }

    @Test
    void aHomophoneTypoIsCorrectedToTheWordThatSoundsTheSame() {
        assertThat(search("机器仁").suggestion()).isEqualTo("机器人");
    }

    @Test
    void aMisspelledLatinWordIsCorrectedFromTheIndexsWords() {
        assertThat(search("jave 安全").suggestion()).isEqualTo("java 安全");
    }

    @Test
    void nothingFoundListsTagsNearTheQuery() {
        SearchResults r = search("杨梅节 传感器 火星");
        assertThat(r.total()).isZero();
        assertThat(r.relatedTags()).contains("杨梅", "芯片");
    }

    @Test
    void filtersThatHideEveryHitSaySo() {
        var r = index.search(new SearchRequest("杨梅", "tiyu", null, null, null, null, 1, 10));
        assertThat(r.total()).isZero();
        assertThat(r.message()).contains("不加筛选时有 1 篇");
    }

    @Test
    void malformedQueriesAreCleanedAndSearched() {
        assertThat(ids("\"慈溪")).containsExactly(CIXI);
        assertThat(ids("慈溪 -")).containsExactly(CIXI);
        assertThat(ids("慈溪\u0000\u0007")).containsExactly(CIXI);
        assertThat(ids("((慈溪))")).containsExactly(CIXI);
        assertThat(search("-").message()).isEqualTo("请输入要搜索的词语。");
        assertThat(search("？！…").message()).isEqualTo("请输入要搜索的词语。");
        assertThat(ids("慈溪".repeat(5000))).as("cut to 200 characters").containsExactly(CIXI);
    }
}
