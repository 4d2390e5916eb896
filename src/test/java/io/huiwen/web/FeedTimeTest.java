package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.huiwen.HandClock;
import io.huiwen.HuiwenProperties;
import io.huiwen.SiteUrl;
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
    final SiteUrl site = new SiteUrl(properties, new org.springframework.mock.env.MockEnvironment());

    @Test
    void anEmptyAtomFeedWasUpdatedNowByTheClock() throws Exception {
        when(articles.newest(anyInt())).thenReturn(List.of());
        String atom = new FeedController(articles, categories, properties, site, clock).atom().getBody();
        assertThat(atom).contains("<updated>2026-03-01T08:00Z</updated>");
    }

    @Test
    void theNewsSitemapListsArticlesOfTheClocksLastTwoDays() throws Exception {
        OffsetDateTime published = OffsetDateTime.parse("2026-02-28T20:00:00Z");
        when(articles.sitemap(anyInt())).thenReturn(List.of(new ArticleRepository.SitemapEntry(7, published, published, "标题")));
        var sitemap = new SitemapController(articles, categories, properties, site, clock);
        assertThat(sitemap.news().getBody()).contains("<loc>http://localhost:8080/a/7</loc>", "<news:news>");
        clock.advance(Duration.ofDays(3));
        assertThat(sitemap.news().getBody()).doesNotContain("/a/7");
        assertThat(sitemap.sitemap().getBody()).contains("/a/7").doesNotContain("<news:news>");
    }
}
