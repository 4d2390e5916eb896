package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleStore;
import io.huiwen.article.EditorialDesk;
import io.huiwen.extract.ExtractedArticle;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Popular searches are answered from memory, and an article stored or moved changes the answer
 * within about a second (the change log's sync interval), as the index does.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
class SearchAnswersTest {

    static final Path DATA = TestDataDir.create("answers");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired ArticleSearch search;
    @Autowired ArticleStore store;
    @Autowired EditorialDesk desk;
    @Autowired MeterRegistry registry;

    @Test
    void aRepeatedSearchIsAnsweredFromMemoryUntilAnArticleChanges() throws Exception {
        SearchRequest request = new SearchRequest("观鸟节", "shehui", null, null, null, null, 1, 10);
        assertThat(search.search(request).items()).isEmpty();
        double hitsBefore = cacheHits();
        assertThat(search.search(request).items()).isEmpty();
        assertThat(cacheHits()).as("the second search was answered from memory").isEqualTo(hitsBefore + 1);

        var page = new ExtractedArticle(null, "青溪湖观鸟节开幕 四十多种水鸟亮相", null, "测试", null, null, List.of(),
                "青溪湖第三届观鸟节今天开幕，来自各地的观鸟爱好者在湖边记录到四十多种水鸟。主办方介绍，观鸟节将持续一周。",
                "<p>青溪湖第三届观鸟节今天开幕，来自各地的观鸟爱好者在湖边记录到四十多种水鸟。主办方介绍，观鸟节将持续一周。</p>",
                List.of(), "zh", List.of());
        long id = store.store(page, "shehui", OffsetDateTime.now()).id();
        awaitAnswer(request, found -> found.items().stream().anyMatch(i -> i.article().id() == id), "the new article is found");

        assertThat(desk.recategorise(id, "keji")).isTrue();
        awaitAnswer(request, found -> found.items().stream().noneMatch(i -> i.article().id() == id), "the article moved to 科技 leaves 社会's results");
    }

    void awaitAnswer(SearchRequest request, Predicate<ArticleSearch.Found> expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!expected.test(search.search(request))) {
            assertThat(System.nanoTime()).as(what + " within 5 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    double cacheHits() {
        return registry.get("cache.gets").tag("cache", "search_answers").tag("result", "hit").functionCounter().count();
    }
}
