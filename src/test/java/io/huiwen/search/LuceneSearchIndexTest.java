package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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

    @Test
    void aPartOfACompoundNameFindsIt() {
        SearchResults r = index.search(SearchRequest.of("机器人", 1));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).contains(1L);
    }

    @Test
    void showsEachStoryOnce() {
        SearchResults r = index.search(SearchRequest.of("订单", 1));
        assertThat(r.hits()).hasSize(1);
        assertThat(r.total()).isEqualTo(1);
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
    void exclusionRemovesMatches() {
        SearchResults r = index.search(SearchRequest.of("机器人 -集团", 1));
        assertThat(r.hits()).extracting(SearchResults.Hit::id).doesNotContain(1L).isNotEmpty();
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
}
