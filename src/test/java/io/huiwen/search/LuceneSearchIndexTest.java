package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

/** What only the embedded index has: its directory and the schema version in its commit; the behaviour is {@link SearchIndexContract}'s. */
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
