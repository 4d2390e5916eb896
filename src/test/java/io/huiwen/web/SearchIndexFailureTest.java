package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.search.IndexSync;
import io.huiwen.search.IndexedArticle;
import io.huiwen.search.LuceneSearchIndex;
import io.huiwen.search.RelatedArticles;
import io.huiwen.search.SearchIndex;
import io.huiwen.search.SearchRequest;
import io.huiwen.search.SearchResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.CorruptIndexException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The search index failing under a running portal: the search page and the search API say search
 * is down for now (503), and every other page a reader opens still works, the article page without
 * its 相关阅读. Once with an index that throws what a corrupt Lucene index throws, once with the real
 * Lucene index closed under the portal.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h", "huiwen.search.sync-interval=1h"})
@AutoConfigureMockMvc
class SearchIndexFailureTest {

    static final Path DATA = TestDataDir.create("search-failure");
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    /** The real index, until told to fail the way a corrupt one does. */
    static final class BreakableIndex implements SearchIndex {
        final SearchIndex real;
        volatile boolean broken;

        BreakableIndex(SearchIndex real) {
            this.real = real;
        }

        private void check() {
            if (broken) {
                throw new UncheckedIOException(new CorruptIndexException("checksum failed (hardware problem?)", "_0.cfs"));
            }
        }

        public void upsert(List<IndexedArticle> articles) { check(); real.upsert(articles); }
        public void delete(List<Long> ids) { check(); real.delete(ids); }
        public void rebuild(Iterable<List<IndexedArticle>> batches) { check(); real.rebuild(batches); }
        public SearchResults search(SearchRequest request) { check(); return real.search(request); }
        public List<Long> related(long articleId, long storyId, int max) { check(); return real.related(articleId, storyId, max); }
        public long size() { check(); return real.size(); }
    }

    @TestConfiguration
    static class Breakable {
        @Bean
        @Primary
        BreakableIndex breakableIndex(@Qualifier("searchIndex") SearchIndex real) {
            return new BreakableIndex(real);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired BreakableIndex index;
    /** The portal's own index (the embedded default; the bean is declared as the port, {@link SearchIndex}). */
    @Autowired @Qualifier("searchIndex") SearchIndex lucene;
    @Autowired IndexSync sync;
    @Autowired RelatedArticles related;
    @Autowired ArticleRepository articles;

    @BeforeEach
    void indexedThenCached() throws Exception {
        sync.drain();
        related.forgetAll();
        assertThat(get200("/search?q=马拉松")).contains("<em>马拉松</em>"); // works before the failure
    }

    @AfterEach
    void repaired() {
        index.broken = false;
    }

    MockHttpServletResponse open(String path) throws Exception {
        return mvc.perform(get(path).header("User-Agent", BROWSER)).andReturn().getResponse();
    }

    String get200(String path) throws Exception {
        MockHttpServletResponse r = open(path);
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    long anArticle() {
        return articles.latest(1, 1).items().get(0).id();
    }

    @Test
    void searchSaysItIsTemporarilyUnavailableWhenTheIndexIsCorrupt() throws Exception {
        index.broken = true;
        assertSearchUnavailable();
    }

    @Test
    void everyOtherPageWorksAndTheArticleLeavesOutRelatedReading() throws Exception {
        index.broken = true;
        assertOtherPagesWork();
    }

    @Test
    void newArticlesStayInTheOutboxWhileTheIndexFailsAndAreSearchableOnceItWorks(@Autowired io.huiwen.article.ArticleStore store)
            throws Exception {
        index.broken = true;
        var page = new io.huiwen.extract.ArticleExtractor().extract(
                """
                <html><head><title>索引故障期间入库的稿件：青溪湖观鸟节开幕</title></head><body><article><h1>索引故障期间入库的稿件：青溪湖观鸟节开幕</h1>
                <p>青溪湖第三届观鸟节今天开幕，来自各地的观鸟爱好者在湖边记录到四十多种水鸟，其中包括珍稀的东方白鹳。</p>
                <p>主办方介绍，观鸟节将持续一周，期间还有摄影展和科普讲座，市民可以免费参加。湖区管理处提醒游客文明观鸟。</p>
                </article></body></html>""".getBytes(StandardCharsets.UTF_8),
                "https://news.example.cn/2026/birds.html", null, null, java.time.Instant.now());
        store.store(page, "shehui", java.time.OffsetDateTime.now());
        assertThat(catchDrain()).isInstanceOf(UncheckedIOException.class);
        index.broken = false;
        assertThat(sync.drain()).isEqualTo(1); // still in the outbox: not marked indexed by the failed drain
        assertThat(get200("/search?q=青溪湖观鸟节")).contains("<a class=\"title\" href=\"/a/", "<em>青溪湖观鸟节</em>开幕");
    }

    private Throwable catchDrain() {
        try {
            sync.drain();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    @DirtiesContext
    void theRealLuceneIndexClosedUnderThePortal() throws Exception {
        ((LuceneSearchIndex) lucene).close(); // what a disk error does to the writer: every later call meets AlreadyClosedException
        assertSearchUnavailable();
        assertOtherPagesWork();
    }

    private void assertSearchUnavailable() throws Exception {
        // a search nobody asked before the failure (one asked before is still answered from memory)
        MockHttpServletResponse page = open("/search?q=马拉松志愿者");
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("30");
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("搜索暂时不可用，请稍后再试", "<a href=\"/c/caijing\">财经</a>")
                .doesNotContain("Exception", "at io.huiwen");
        MockHttpServletResponse api = open("/api/v1/search?q=马拉松志愿者");
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getHeader("Retry-After")).isEqualTo("30");
        assertThat(api.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":\"search is temporarily unavailable; try again in a moment\"}");
    }

    private void assertOtherPagesWork() throws Exception {
        long id = anArticle();
        assertThat(get200("/")).contains("最新文章", "热门文章");
        String article = get200("/a/" + id);
        assertThat(article).contains("<h2>相关阅读</h2>", "暂无相关文章", "<h2>最新文章</h2>");
        assertThat(get200("/c/tiyu")).contains("马拉松");
        assertThat(get200("/feed.xml")).contains("<rss version=\"2.0\"");
        assertThat(get200("/api/v1/articles/" + id)).contains("\"id\":" + id);
        assertThat(get200("/api/v1/articles/" + id + "/related")).isEqualTo("{\"items\":[]}");
    }
}
