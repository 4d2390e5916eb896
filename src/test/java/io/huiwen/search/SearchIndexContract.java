package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SearchIndex} adapter does, the same way: each subclass gives a fresh, empty
 * index per test. The first tests run over a few news articles ({@link #givenNews}), the reader's
 * cases over articles written for them ({@link #givenReaderArticles}).
 */
abstract class SearchIndexContract {

    /** A fresh index holding nothing. */
    abstract SearchIndex newIndex();

    /** Releases what {@link #newIndex} took. */
    abstract void dispose(SearchIndex index) throws Exception;

    SearchIndex index;
    final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    @BeforeEach
    void open() {
        index = newIndex();
    }

    @AfterEach
    void close() throws Exception {
        dispose(index);
    }

    static IndexedArticle article(long id, String title, String text, String category, long story, OffsetDateTime time) {
        return new IndexedArticle(id, title, text, List.of(), "测试来源", category, time, story);
    }

    void givenNews() {
        index.upsert(List.of(
                article(1, "浙江机器人产业集团成立", "当地组建浙江机器人产业集团，推动工业机器人研发。", "keji", 1, now.minusDays(1)),
                article(2, "工业机器人订单增长", "多家企业的工业机器人订单同比增长，机器人产业持续升温。", "keji", 2, now.minusDays(2)),
                article(3, "工业机器人订单增长明显", "多家企业的工业机器人订单同比增长，机器人产业持续升温。", "caijing", 2, now.minusDays(1)),
                article(4, "江城马拉松鸣枪开跑", "三万名跑者参加江城马拉松，赛道沿江而设。", "tiyu", 4, now.minusDays(3))));
    }

    SearchResults search(String query) {
        return index.search(SearchRequest.of(query, 1));
    }

    List<Long> ids(String query) {
        return search(query).hits().stream().map(SearchResults.Hit::id).toList();
    }

    SearchResults.Hit hit(String query, long id) {
        return search(query).hits().stream().filter(h -> h.id() == id).findFirst().orElseThrow();
    }

    // ---- indexing, rebuilding, the news articles

    @Test
    void anEmptyIndexHoldsNothingAndFindsNothing() {
        assertThat(index.size()).isZero();
        assertThat(index.needsRebuild()).isFalse();
        assertThat(search("机器人").total()).isZero();
    }

    @Test
    void upsertReplacesAnArticleAndDeleteRemovesIt() {
        givenNews();
        index.upsert(List.of(article(4, "江城马拉松改期", "江城马拉松因天气改期举行。", "tiyu", 4, now)));
        assertThat(index.size()).isEqualTo(4);
        assertThat(hit("马拉松", 4).titleHtml()).isEqualTo("江城<em>马拉松</em>改期");
        index.delete(List.of(4L, 999L));
        assertThat(index.size()).isEqualTo(3);
        assertThat(ids("马拉松")).isEmpty();
    }

    @Test
    void aRebuildOfManyBatchesIndexesEveryArticleOnce() {
        givenNews();
        List<List<IndexedArticle>> batches = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            List<IndexedArticle> batch = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                long id = 100 + b * 25 + i;
                batch.add(article(id, "龙舟赛第" + id + "场", "第" + id + "场龙舟赛在江面举行，龙舟队奋力划桨。", "tiyu", id, now.minusHours(id)));
            }
            batches.add(batch);
        }
        index.rebuild(batches);
        assertThat(index.size()).isEqualTo(500);
        assertThat(search("龙舟").total()).isEqualTo(500);
        assertThat(ids("机器人")).as("what the rebuild did not hold is gone").isEmpty();
    }

    @Test
    void aRebuildThatFailsHalfwayKeepsTheOldIndex() {
        givenNews();
        List<List<IndexedArticle>> batches = List.of(
                List.of(article(10, "龙舟赛开幕", "龙舟赛在江面举行。", "tiyu", 10, now)),
                List.of(article(11, "时间缺失的文章", "这篇文章没有时间。", "tiyu", 11, null)));
        assertThatThrownBy(() -> index.rebuild(batches)).hasMessageContaining("the old index is kept");
        assertThat(ids("机器人")).contains(1L);
        assertThat(ids("龙舟")).isEmpty();
        index.upsert(List.of(article(12, "马拉松志愿者招募", "江城马拉松招募志愿者。", "tiyu", 12, now)));
        assertThat(ids("机器人")).as("a write after the failed rebuild does not commit its half").contains(1L);
        assertThat(index.size()).isEqualTo(5);
    }

    @Test
    void rebuildReplacesEverything() {
        givenNews();
        index.rebuild(List.of(List.of(article(9, "新文章", "只有这一篇。", "keji", 9, now))));
        assertThat(index.size()).isEqualTo(1);
        assertThat(search("机器人").hits()).isEmpty();
        assertThat(ids("新文章")).containsExactly(9L);
    }

    @Test
    void searchesSeeTheOldIndexUntilARebuildIsComplete() {
        givenNews();
        List<Long> seenMidway = new ArrayList<>();
        Iterable<List<IndexedArticle>> batches = () -> new Iterator<>() {
            int n;

            public boolean hasNext() {
                return n < 2;
            }

            public List<IndexedArticle> next() {
                if (n++ == 1) {
                    seenMidway.addAll(ids("机器人")); // the first new batch is written, not yet switched to
                    seenMidway.addAll(ids("新文章"));
                }
                return List.of(article(10L + n, "新文章" + n, "只有新文章。", "keji", 10L + n, now));
            }
        };
        index.rebuild(batches);
        assertThat(seenMidway).contains(1L).doesNotContain(11L, 12L);
        assertThat(ids("新文章")).containsExactlyInAnyOrder(11L, 12L);
        assertThat(ids("机器人")).isEmpty();
    }

    @Test
    void aPartOfACompoundNameFindsIt() {
        givenNews();
        assertThat(ids("机器人")).contains(1L);
    }

    @Test
    void showsEachStoryOnce() {
        givenNews();
        SearchResults r = search("订单");
        assertThat(r.hits()).hasSize(1);
        assertThat(r.total()).isEqualTo(1);
    }

    @Test
    void everyReportShowsEachOutletsArticleOfAStory() {
        givenNews();
        SearchResults r = index.search(new SearchRequest("订单", null, null, null, null, "time", 1, 10, true));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).containsExactly(3L, 2L);
        assertThat(r.total()).isEqualTo(2);
    }

    @Test
    void aLatinWordIsMarkedOnlyAsAWholeWord() {
        givenNews();
        index.upsert(List.of(article(6, "Java 安全管理器", "Java 安全管理器已被弃用，JavaScript 开发者不受影响，java 程序需要迁移。", "keji", 6, now)));
        var hit = hit("java", 6);
        assertThat(hit.titleHtml()).isEqualTo("<em>Java</em> 安全管理器");
        assertThat(hit.snippetHtml()).contains("<em>Java</em> 安全管理器已被弃用").contains("JavaScript 开发者").contains("<em>java</em> 程序");
    }

    @Test
    void snippetsMarkMatchesAndEscapeMarkup() {
        givenNews();
        index.upsert(List.of(article(5, "<b>标题</b>", "正文里有<script>alert(1)</script>和马拉松。", "tiyu", 5, now)));
        var hit = hit("马拉松", 5);
        assertThat(hit.snippetHtml()).isEqualTo("正文里有&lt;script&gt;alert(1)&lt;/script&gt;和<em>马拉松</em>。");
        assertThat(hit.titleHtml()).isEqualTo("&lt;b&gt;标题&lt;/b&gt;");
    }

    @Test
    void filtersByCategory() {
        givenNews();
        SearchResults r = index.search(new SearchRequest("机器人", "caijing", null, null, null, null, 1, 10));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).containsExactly(3L);
    }

    @Test
    void filtersByDateRangeInBeijingDays() {
        givenNews();
        LocalDate threeDaysAgo = now.minusDays(3).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        SearchResults r = index.search(new SearchRequest("马拉松", null, null, threeDaysAgo, threeDaysAgo, null, 1, 10));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).containsExactly(4L);
        assertThat(index.search(new SearchRequest("马拉松", null, null, threeDaysAgo.plusDays(1), null, null, 1, 10)).hits()).isEmpty();
    }

    @Test
    void sortsByTimeNewestFirst() {
        givenNews();
        index.upsert(List.of(article(6, "机器人展会开幕", "展会上有很多机器人。", "keji", 6, now.minusDays(5))));
        SearchResults r = index.search(new SearchRequest("机器人", null, null, null, null, "time", 1, 10));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).containsExactly(1L, 3L, 6L);
    }

    @Test
    void pagesThroughHits() {
        List<IndexedArticle> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(article(100 + i, "龙舟赛第" + i + "场", "龙舟赛在江面举行。", "tiyu", 100 + i, now.minusHours(i)));
        }
        index.upsert(many);
        var first = index.search(new SearchRequest("龙舟赛", null, null, null, null, "time", 1, 10));
        var third = index.search(new SearchRequest("龙舟赛", null, null, null, null, "time", 3, 10));
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.hits()).extracting(SearchResults.Hit::id).startsWith(100L, 101L).hasSize(10);
        assertThat(third.total()).isEqualTo(25);
        assertThat(third.hits()).extracting(SearchResults.Hit::id).containsExactly(120L, 121L, 122L, 123L, 124L);
    }

    @Test
    void exclusionRemovesMatches() {
        givenNews();
        assertThat(ids("机器人 -集团")).doesNotContain(1L).isNotEmpty();
    }

    @Test
    void relatedArticlesShareDistinctiveTagsNotJustTheSectionOrSomeWords() {
        String shared = "市民踊跃参与，现场秩序井然，组织方表示明年继续举办，进一步扩大规模。";
        index.upsert(List.of(
                new IndexedArticle(20, "江城半程马拉松开跑", "两万名跑者参加江城半程马拉松，赛道沿江而设。" + shared, List.of("马拉松", "跑者"), "体坛", "tiyu", now, 20),
                new IndexedArticle(21, "滨湖马拉松报名开启", "滨湖马拉松开放报名，名额三万个，跑者可在网上抽签。" + shared, List.of("马拉松", "报名"), "体坛", "tiyu", now, 21),
                new IndexedArticle(22, "乡村篮球赛落幕", "乡村篮球赛在村口球场落幕，球员来自各个村子。" + shared, List.of("篮球"), "体坛", "tiyu", now, 22),
                new IndexedArticle(23, "图书馆举办读书节", "图书馆举办读书节，读者交换旧书。" + shared, List.of("读书节", "图书馆"), "文汇", "wenhua", now, 23),
                new IndexedArticle(24, "马拉松带火城市旅游", "马拉松期间酒店预订量上涨，跑者带动城市旅游消费。", List.of("马拉松", "旅游"), "财经台", "caijing", now, 24)));
        List<Long> related = index.related(20, 20, 6);
        assertThat(related).as("马拉松 and 跑者 in common, in the same section or not").contains(21L, 24L);
        assertThat(related).as("the same section, the organisers' boilerplate in common: filler").doesNotContain(22L, 23L);
    }

    @Test
    void relatedNeverListsTheArticleOrItsStory() {
        givenNews();
        List<Long> related = index.related(2, 2, 6);
        assertThat(related).doesNotContain(2L, 3L).contains(1L);
    }

    @Test
    void relatedPrefersTheNewerOfTwoAlikeArticles() {
        String text = "江城马拉松赛道沿江而设，跑者经过大桥和公园，沿途有补给站。";
        index.upsert(List.of(
                new IndexedArticle(30, "江城马拉松赛道公布", text, List.of("马拉松"), "体坛", "tiyu", now, 30),
                new IndexedArticle(31, "江城马拉松赛道公布", text, List.of("马拉松"), "体坛", "tiyu", now.minusDays(90), 31),
                new IndexedArticle(32, "江城马拉松赛道公布", text, List.of("马拉松"), "体坛", "tiyu", now.minusDays(1), 32)));
        assertThat(index.related(30, 30, 6)).containsExactly(32L, 31L);
        assertThat(index.related(999, 999, 6)).as("an article not in the index").isEmpty();
    }

    // ---- what a reader types and the article it must (or must not) find

    static final long CIXI = 1, YUYAO_ROBOTS = 2, SAINUOWEI = 3, JAVA = 4, TRADITIONAL = 5, SCATTERED = 6, APART = 7,
            PANDA = 8, PANDA_SOUNDALIKE = 9, COMPOUND = 10;

    void givenReaderArticles() {
        index.upsert(List.of(
                reader(CIXI, "慈溪杨梅节开幕", "慈溪市今天举办杨梅节，果农迎来丰收季。", List.of("杨梅"), "甬派客户端", "https://www.yongpai.example.cn/a/1"),
                reader(YUYAO_ROBOTS, "余姚机器人小镇引进新项目", "余姚的机器人企业今年新增订单三成。", List.of("机器人"), "宁波晚报", "https://news.nbwb.example.cn/2"),
                reader(SAINUOWEI, "新款传感器芯片发布", "本地企业赛诺微发布新一代传感器芯片，功耗下降一半。", List.of("芯片"), "科创前沿", null),
                reader(JAVA, "java 安全管理器被弃用", "Java 17 将安全管理器标记为弃用，开发者需要迁移。", List.of("Java"), "开发者周刊", null),
                reader(TRADITIONAL, "機器人產業園在東莞開工", "這座機器人產業園佔地千畝，預計明年投產。", List.of(), "港澳快訊", null),
                reader(SCATTERED, "球队比赛信守诺言", "赛后队长在微博上兑现诺言，感谢球迷支持。", List.of(), "体坛快报", null),
                reader(APART, "机器人进课堂", "学校引进机器人课程，带动本地教育产业发展。", List.of(), "教育时报", null),
                reader(PANDA, "Panda Express 开出新门店", "快餐连锁 Panda Express 在商场开出新店。", List.of(), "商业观察", null),
                reader(PANDA_SOUNDALIKE, "盼达用车推出新车型", "共享汽车品牌盼达推出新车型。", List.of(), "汽车报", null),
                reader(COMPOUND, "浙江机器人产业集团成立", "当地组建浙江机器人产业集团，推动机器人产业发展。", List.of(), "浙江日报", null)));
    }

    IndexedArticle reader(long id, String title, String text, List<String> tags, String source, String url) {
        return new IndexedArticle(id, title, text, tags, source, "keji", now.minusHours(id), id, url);
    }

    @Test
    void aWordInsideAnEnglishTitleIsFound() {
        givenReaderArticles();
        assertThat(ids("安全")).containsExactly(JAVA); // "java 安全管理器" missed by other systems
    }

    @Test
    void anUnknownNameIsFoundByItsCharactersInARow() {
        givenReaderArticles();
        assertThat(ids("赛诺微")).containsExactly(SAINUOWEI);
    }

    @Test
    void anUnknownNameDoesNotMatchItsCharactersScattered() {
        givenReaderArticles();
        assertThat(ids("赛诺微")).doesNotContain(SCATTERED);
    }

    @Test
    void traditionalFindsSimplifiedAndTheOtherWayRound() {
        givenReaderArticles();
        assertThat(ids("慈谿")).containsExactly(CIXI);
        assertThat(ids("機器人")).contains(YUYAO_ROBOTS, COMPOUND);
        assertThat(ids("机器人产业园")).containsExactly(TRADITIONAL);
        assertThat(hit("机器人产业园", TRADITIONAL).titleHtml()).as("the text as written is marked").isEqualTo("<em>機器人產業園</em>在東莞開工");
    }

    @Test
    void fullWidthAndCapitalLettersFindLatinWords() {
        givenReaderArticles();
        assertThat(ids("ＪＡＶＡ")).containsExactly(JAVA);
        assertThat(ids("JAVA 安全")).containsExactly(JAVA);
    }

    @Test
    void pinyinFindsTheChineseWords() {
        givenReaderArticles();
        assertThat(ids("cixi")).containsExactly(CIXI);
        assertThat(ids("yuyao jiqiren")).containsExactly(YUYAO_ROBOTS);
        assertThat(ids("yuyaojiqiren")).containsExactly(YUYAO_ROBOTS);
        assertThat(ids("余姚 jiqiren")).containsExactly(YUYAO_ROBOTS);
    }

    @Test
    void pinyinMatchesAreHighlightedInChinese() {
        givenReaderArticles();
        SearchResults.Hit hit = search("cixi").hits().get(0);
        assertThat(hit.titleHtml()).isEqualTo("<em>慈溪</em>杨梅节开幕");
        assertThat(hit.snippetHtml()).isEqualTo("<em>慈溪</em>市今天举办杨梅节，果农迎来丰收季。");
    }

    @Test
    void aLatinWordThatIsAlsoPinyinFindsTheLatinWordFirst() {
        givenReaderArticles();
        assertThat(ids("panda")).startsWith(PANDA);
        assertThat(ids("java")).containsExactly(JAVA);
    }

    @Test
    void quotedPhrasesNeedTheWordsTogetherAndInOrder() {
        givenReaderArticles();
        assertThat(ids("机器人 产业")).contains(APART, COMPOUND);
        assertThat(ids("\"机器人产业\"")).contains(COMPOUND).doesNotContain(APART);
        assertThat(ids("\"机器人 产业\"")).as("spaces between Han characters do not count").contains(COMPOUND).doesNotContain(APART);
        assertThat(ids("\"产业机器人\"")).isEmpty();
    }

    @Test
    void minusExcludesWordsAndPhrases() {
        givenReaderArticles();
        assertThat(ids("机器人 -集团")).contains(YUYAO_ROBOTS).doesNotContain(COMPOUND);
        assertThat(ids("机器人 -\"余姚机器人\"")).contains(COMPOUND).doesNotContain(YUYAO_ROBOTS);
    }

    @Test
    void sourceAndSiteKeepOneSource() {
        givenReaderArticles();
        assertThat(ids("杨梅 source:甬派客户端")).containsExactly(CIXI);
        assertThat(ids("杨梅 source:宁波晚报")).isEmpty();
        assertThat(ids("机器人 site:nbwb.example.cn")).containsExactly(YUYAO_ROBOTS);
        assertThat(ids("机器人 site:news.nbwb.example.cn")).containsExactly(YUYAO_ROBOTS);
        assertThat(ids("机器人 -source:宁波晚报")).doesNotContain(YUYAO_ROBOTS).isNotEmpty();
        assertThat(ids("source:甬派")).as("a source alone lists it; a name's start is enough").containsExactly(CIXI);
        assertThat(ids("source:港澳快讯")).as("folded like the text").containsExactly(TRADITIONAL);
    }

    @Test
    void theSourceFilterParameterFoldsLikeTheQuery() {
        givenReaderArticles();
        var r = index.search(new SearchRequest("机器人", null, "港澳快訊", null, null, null, 1, 10));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).containsExactly(TRADITIONAL);
        var site = index.search(new SearchRequest("杨梅", null, "yongpai.example.cn", null, null, null, 1, 10));
        assertThat(site.hits()).extracting(SearchResults.Hit::id).containsExactly(CIXI);
    }

    @Test
    void bigramMatchesAreHighlighted() {
        givenReaderArticles();
        assertThat(search("赛诺微").hits().get(0).snippetHtml()).isEqualTo("本地企业<em>赛诺微</em>发布新一代传感器芯片，功耗下降一半。");
    }

    @Test
    void aMisspelledWordGetsASuggestionThatFindsSomething() {
        givenReaderArticles();
        SearchResults r = search("杨每节");
        assertThat(r.total()).isZero();
        assertThat(r.suggestion()).isEqualTo("杨梅节");
        assertThat(ids(r.suggestion())).containsExactly(CIXI);
    }

    @Test
    void aHomophoneTypoIsCorrectedToTheWordThatSoundsTheSame() {
        givenReaderArticles();
        assertThat(search("机器仁").suggestion()).isEqualTo("机器人");
    }

    @Test
    void aMisspelledLatinWordIsCorrectedFromTheIndexsWords() {
        givenReaderArticles();
        assertThat(search("jave 安全").suggestion()).isEqualTo("java 安全");
    }

    @Test
    void nothingFoundListsTagsNearTheQuery() {
        givenReaderArticles();
        SearchResults r = search("杨梅节 传感器 火星");
        assertThat(r.total()).isZero();
        assertThat(r.relatedTags()).contains("杨梅", "芯片");
    }

    @Test
    void filtersThatHideEveryHitSaySo() {
        givenReaderArticles();
        var r = index.search(new SearchRequest("杨梅", "tiyu", null, null, null, null, 1, 10));
        assertThat(r.total()).isZero();
        assertThat(r.message()).contains("不加筛选时有 1 篇");
    }

    @Test
    void malformedQueriesAreCleanedAndSearched() {
        givenReaderArticles();
        assertThat(ids("\"慈溪")).containsExactly(CIXI);
        assertThat(ids("慈溪 -")).containsExactly(CIXI);
        assertThat(ids("慈溪\u0000\u0007")).containsExactly(CIXI);
        assertThat(ids("((慈溪))")).containsExactly(CIXI);
        assertThat(search("-").message()).isEqualTo("请输入要搜索的词语。");
        assertThat(search("？！…").message()).isEqualTo("请输入要搜索的词语。");
        assertThat(ids("慈溪".repeat(5000))).as("cut to 200 characters").containsExactly(CIXI);
    }
}
