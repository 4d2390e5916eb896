package io.huiwen.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import gg.jte.springframework.boot.autoconfigure.ServletJteAutoConfiguration;
import io.huiwen.article.Article;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleState;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.Source;
import io.huiwen.article.SourceRepository;
import io.huiwen.extract.ExtractedArticle.Image;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * How {@link ImageProxy} turns the answers of a mocked {@link ImageFetches} into responses and
 * caching headers, and which Referer it asks with. The fetching and caching themselves are
 * covered by {@code ImageFetchesTest}, {@code ImageCacheTest} and the full-stack {@code ImageProxyTest}.
 */
@WebMvcTest(controllers = ImageProxy.class, properties = "huiwen.data-dir=target/slice-data/image-proxy")
@ImportAutoConfiguration({JteAutoConfiguration.class, ServletJteAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class})
class ImageProxySliceTest {

    static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.ofHours(8));
    static final Category CAIJING = new Category(1, "caijing", "财经", 1);
    static final String PHOTO = "https://img.example.cn/2026/port.jpg";

    @Autowired MockMvc mvc;
    @MockitoBean ArticleRepository articles;
    @MockitoBean SourceRepository sources;
    @MockitoBean ImageFetches images;
    @MockitoBean CategoryRepository categories;

    static Article article(long id, Long sourceId, ArticleState state, Image... images) {
        return new Article(id, "https://example.cn/news/" + id + ".html", "望海港外贸进出口创新高", NOON, NOON, "汇闻财经", "张三", "李四",
                CAIJING, List.of("首页", "财经"), "摘要", "正文", "<p>正文</p>", Arrays.asList(images), "zh", List.of("外贸"), id, 0,
                sourceId, state);
    }

    @Test
    void aFoundImageIsServedWithItsTypeCachedPubliclyForSevenDaysAndNosniff() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00};
        given(articles.findById(31)).willReturn(Optional.of(article(31, null, ArticleState.PUBLISHED, new Image(PHOTO, "港口"))));
        given(images.image(PHOTO, "https://example.cn/news/31.html")).willReturn(new ImageFetches.Found(jpeg, "image/jpeg"));

        mvc.perform(get("/img/31/0")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", "max-age=604800, public"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(jpeg));
    }

    @Test
    void theSourcesConfiguredRefererIsPreferredToTheArticlePage() throws Exception {
        given(articles.findById(31)).willReturn(Optional.of(article(31, 7L, ArticleState.PUBLISHED, new Image(PHOTO, null))));
        given(sources.findById(7)).willReturn(Optional.of(new Source(7, "港城日报", "https://example.cn/rss.xml", Source.Type.FEED,
                null, 30, 30, true, null, "https://www.example.cn/", false, null, null, null, null, null, null, null, null, 0, null,
                null)));
        given(images.image(PHOTO, "https://www.example.cn/")).willReturn(new ImageFetches.Found(new byte[] {1}, "image/png"));

        mvc.perform(get("/img/31/0")).andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
    }

    @Test
    void aFailedImageIsA502CachedForAMinuteShowingAPlaceholderNotABrokenIcon() throws Exception {
        given(articles.findById(31)).willReturn(Optional.of(article(31, null, ArticleState.PUBLISHED, new Image(PHOTO, null))));
        given(images.image(anyString(), anyString())).willReturn(new ImageFetches.Failed("http_status"));

        mvc.perform(get("/img/31/0")).andExpect(status().isBadGateway())
                .andExpect(header().string("Cache-Control", "max-age=60"))
                .andExpect(header().string("Content-Type", "image/svg+xml;charset=UTF-8"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("图片暂时无法显示")));
    }

    @Test
    void anImageStillBeingFetchedIsA503WithRetryAfterAndNeverStored() throws Exception {
        given(articles.findById(31)).willReturn(Optional.of(article(31, null, ArticleState.PUBLISHED, new Image(PHOTO, null))));
        given(images.image(anyString(), anyString())).willReturn(new ImageFetches.NotYet());

        mvc.perform(get("/img/31/0")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(header().string("Cache-Control", "no-store"));
    }

    @Test
    void aMissingArticleIsA404AndNothingIsFetched() throws Exception {
        mvc.perform(get("/img/999/0")).andExpect(status().isNotFound());
        verify(images, never()).image(any(), any());
    }

    @Test
    void anArticleAwaitingReviewIsA404() throws Exception {
        given(articles.findById(41)).willReturn(Optional.of(article(41, null, ArticleState.REVIEW, new Image(PHOTO, null))));

        mvc.perform(get("/img/41/0")).andExpect(status().isNotFound());
        verify(images, never()).image(any(), any());
    }

    @Test
    void anIndexPastTheImagesOrBelowZeroOrAnImageWithoutSrcIsA404() throws Exception {
        given(articles.findById(31)).willReturn(Optional.of(article(31, null, ArticleState.PUBLISHED,
                new Image(PHOTO, null), new Image(null, "只有说明"))));

        mvc.perform(get("/img/31/2")).andExpect(status().isNotFound());
        mvc.perform(get("/img/31/-1")).andExpect(status().isNotFound());
        mvc.perform(get("/img/31/1")).andExpect(status().isNotFound());
        verify(images, never()).image(any(), any());
    }
}
