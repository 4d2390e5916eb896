package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTest {

    @TempDir
    Path dir;
    LuceneSearchIndex index;
    final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    @BeforeEach
    void open() {
        index = new LuceneSearchIndex(dir);
        index.upsert(List.of(
                article(1, "浙江机器人产业集团成立", "当地组建浙江机器人产业集团，推动工业机器人研发。", "keji", 1, now.minusDays(1)),
                article(2, "工业机器人订单增长", "多家企业的工业机器人订单同比增长，机器人产业持续升温。", "keji", 2, now.minusDays(2)),
                article(3, "工业机器人订单增长明显", "多家企业的工业机器人订单同比增长，机器人产业持续升温。", "caijing", 2, now.minusDays(1)),
                article(4, "江城马拉松鸣枪开跑", "三万名跑者参加江城马拉松，赛道沿江而设。", "tiyu", 4, now.minusDays(3))));
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    static IndexedArticle article(long id, String title, String text, String category, long story, OffsetDateTime time) {
        return new IndexedArticle(id, title, text, List.of(), "测试来源", category, time, story);
    }

    List<Long> ids(String query) {
        return index.search(SearchRequest.of(query, 1)).hits().stream().map(SearchResults.Hit::id).toList();
    }

    @Test
    void aRebuildOfManyBatchesIndexesEveryArticleOnce() {
        List<List<IndexedArticle>> batches = new java.util.ArrayList<>();
        for (int b = 0; b < 20; b++) {
            List<IndexedArticle> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                long id = 100 + b * 25 + i;
                batch.add(article(id, "龙舟赛第" + id + "场", "第" + id + "场龙舟赛在江面举行，龙舟队奋力划桨。", "tiyu", id, now.minusHours(id)));
            }
            batches.add(batch);
        }
        index.rebuild(batches);
        assertThat(index.size()).isEqualTo(500);
        assertThat(index.search(SearchRequest.of("龙舟", 1)).total()).isEqualTo(500);
        assertThat(ids("机器人")).as("what the rebuild did not hold is gone").isEmpty();
    }

    @Test
    void aRebuildThatFailsHalfwayKeepsTheOldIndex() {
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
    void aPartOfACompoundNameFindsIt() {
        assertThat(ids("机器人")).contains(1L);
    }

    @Test
    void showsEachStoryOnce() {
        SearchResults r = index.search(SearchRequest.of("订单", 1));
        assertThat(r.hits()).hasSize(1);
        assertThat(r.total()).isEqualTo(1);
    }

    @Test
    void aLatinWordIsMarkedOnlyAsAWholeWord() {
        index.upsert(List.of(article(6, "Java 安全管理器", "Java 安全管理器已被弃用，JavaScript 开发者不受影响，java 程序需要迁移。", "keji", 6, now)));
        var hit = index.search(SearchRequest.of("java", 1)).hits().stream().filter(h -> h.id() == 6).findFirst().orElseThrow();
        assertThat(hit.titleHtml()).isEqualTo("<em>Java</em> 安全管理器");
        assertThat(hit.snippetHtml()).contains("<em>Java</em> 安全管理器已被弃用").contains("JavaScript 开发者").contains("<em>java</em> 程序");
    }

    @Test
    void snippetsMarkMatchesAndEscapeMarkup() {
        index.upsert(List.of(article(5, "<b>标题</b>", "正文里有<script>alert(1)</script>和马拉松。", "tiyu", 5, now)));
        SearchResults r = index.search(SearchRequest.of("马拉松", 1));
        var hit = r.hits().stream().filter(h -> h.id() == 5).findFirst().orElseThrow();
        assertThat(hit.snippetHtml()).contains("<em>马拉松</em>").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(hit.titleHtml()).startsWith("&lt;b&gt;标题").doesNotContain("<b>");
    }

    @Test
    void filtersByCategory() {
        SearchResults r = index.search(new SearchRequest("机器人", "caijing", null, null, null, null, 1, 10));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).containsExactly(3L);
    }

    @Test
    void filtersByDateRangeInBeijingDays() {
        LocalDate threeDaysAgo = now.minusDays(3).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        SearchResults r = index.search(new SearchRequest("马拉松", null, null, threeDaysAgo, threeDaysAgo, null, 1, 10));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).containsExactly(4L);
        assertThat(index.search(new SearchRequest("马拉松", null, null, threeDaysAgo.plusDays(1), null, null, 1, 10)).hits()).isEmpty();
    }

    @Test
    void sortsByTimeNewestFirst() {
        index.upsert(List.of(article(6, "机器人展会开幕", "展会上有很多机器人。", "keji", 6, now.minusDays(5))));
        SearchResults r = index.search(new SearchRequest("机器人", null, null, null, null, "time", 1, 10));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).hasSize(3).endsWith(6L);
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
        assertThat(third.hits()).extracting(SearchResults.Hit::id).containsExactly(120L, 121L, 122L, 123L, 124L);
    }

    @Test
    void exclusionRemovesMatches() {
        assertThat(ids("机器人 -集团")).doesNotContain(1L).isNotEmpty();
    }

    @Test
    void relatedArticlesShareTheSectionOrATagNotJustSomeWords() {
        String shared = "市民踊跃参与，现场秩序井然，组织方表示明年继续举办，进一步扩大规模。";
        index.upsert(List.of(
                new IndexedArticle(20, "江城半程马拉松开跑", "两万名跑者参加江城半程马拉松，赛道沿江而设。" + shared, List.of("马拉松", "跑者"), "体坛", "tiyu", now, 20),
                new IndexedArticle(21, "滨湖马拉松报名开启", "滨湖马拉松开放报名，名额三万个，跑者可在网上抽签。" + shared, List.of("马拉松", "报名"), "体坛", "tiyu", now, 21),
                new IndexedArticle(22, "乡村篮球赛落幕", "乡村篮球赛在村口球场落幕，球员来自各个村子。" + shared, List.of("篮球"), "体坛", "tiyu", now, 22),
                new IndexedArticle(23, "图书馆举办读书节", "图书馆举办读书节，读者交换旧书。" + shared, List.of("读书节", "图书馆"), "文汇", "wenhua", now, 23),
                new IndexedArticle(24, "马拉松带火城市旅游", "马拉松期间酒店预订量上涨，跑者带动城市旅游消费。", List.of("马拉松", "旅游"), "财经台", "caijing", now, 24)));
        List<Long> related = index.related(20, 20, 6);
        assertThat(related).as("same section, or the tag 马拉松").contains(21L, 22L, 24L);
        assertThat(related).as("only the organisers' boilerplate in common").doesNotContain(23L);
    }

    @Test
    void relatedNeverListsTheArticleOrItsStory() {
        List<Long> related = index.related(2, 2, 6);
        assertThat(related).doesNotContain(2L, 3L).contains(1L);
    }

    @Test
    void rebuildReplacesEverything() {
        index.rebuild(List.of(List.of(article(9, "新文章", "只有这一篇。", "keji", 9, now))));
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(SearchRequest.of("机器人", 1)).hits()).isEmpty();
    }

    @Test
    void searchesSeeTheOldIndexUntilARebuildIsComplete() {
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
    void anIndexBuiltByAnOlderSchemaAsksForARebuild() throws Exception {
        Path old = dir.resolve("old");
        try (var writer = new IndexWriter(FSDirectory.open(old), new IndexWriterConfig())) {
            Document d = new Document();
            d.add(new StringField("id", "1", Field.Store.YES));
            writer.addDocument(d);
            writer.commit(); // no schema version: written before versions were recorded
        }
        try (var reopened = new LuceneSearchIndex(old)) {
            assertThat(reopened.needsRebuild()).isTrue();
            reopened.upsert(List.of(article(2, "更新", "一篇。", "keji", 2, now)));
        }
        try (var reopened = new LuceneSearchIndex(old)) {
            assertThat(reopened.needsRebuild()).as("an upsert does not make an old index current").isTrue();
            reopened.rebuild(List.of(List.of(article(3, "重建", "重建后的文章。", "keji", 3, now))));
            assertThat(reopened.needsRebuild()).isFalse();
        }
        try (var reopened = new LuceneSearchIndex(old)) {
            assertThat(reopened.needsRebuild()).isFalse();
        }
        assertThat(index.needsRebuild()).as("a new index is current").isFalse();
    }
}
