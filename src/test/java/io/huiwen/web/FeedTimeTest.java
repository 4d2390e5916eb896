package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.huiwen.HandClock;
import io.huiwen.HuiwenProperties;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.CategoryRepository;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

/** Feeds and the sitemap tell the time by the application's clock, not the machine's. */
class FeedTimeTest {

    final HandClock clock = new HandClock("2026-03-01T08:00:00Z");
    final ArticleRepository articles = mock(ArticleRepository.class);
    final CategoryRepository categories = mock(CategoryRepository.class);
    final HuiwenProperties properties = new Binder().bindOrCreate("huiwen", HuiwenProperties.class);

    @Test
    void anEmptyAtomFeedWasUpdatedNowByTheClock() throws Exception {
        when(articles.newest(anyInt())).thenReturn(List.of());
        String atom = new FeedController(articles, categories, properties, clock).atom().getBody();
        assertThat(atom).contains("<updated>2026-03-01T08:00Z</updated>");
    }

    @Test
    void theSitemapMarksArticlesOfTheClocksLastTwoDaysAsNews() throws Exception {
        OffsetDateTime published = OffsetDateTime.parse("2026-02-28T20:00:00Z");
        when(articles.sitemap(anyInt())).thenReturn(List.of(new ArticleRepository.SitemapEntry(7, published, published, "标题")));
        var sitemap = new SitemapController(articles, categories, properties, clock);
        assertThat(sitemap.sitemap().getBody()).contains("<news:news>");
        clock.advance(Duration.ofDays(3));
        assertThat(sitemap.sitemap().getBody()).contains("/a/7").doesNotContain("<news:news>");
    }
}
