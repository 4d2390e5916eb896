package io.huiwen.web;

import io.huiwen.article.Article;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.DemoPictures;
import io.huiwen.article.SourceRepository;
import io.huiwen.extract.ExtractedArticle.Image;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /img/{article}/{n}}: an article's images served from Huiwen itself. Many outlets refuse
 * images to other sites (hotlink protection), so each image is fetched once through the polite
 * fetcher with the source's Referer (or the article's own page) and cached under the data
 * directory (see {@link ImageFetches}). Readers' browsers never contact the outlets.
 * <p>
 * Answers: 200 with the image; 502 for an image the outlet failed or that is no raster image
 * (cached by the browser for a minute, and by us for {@code huiwen.images.failure-ttl}); 503 with
 * {@code Retry-After} while the image is still being fetched, never stored, so the next view of
 * the page gets the image.
 */
@RestController
class ImageProxy {

    static final Duration FAILURE_MAX_AGE = Duration.ofMinutes(1);
    static final String RETRY_AFTER_SECONDS = "2";

    private final ArticleRepository articles;
    private final SourceRepository sources;
    private final ImageFetches images;

    ImageProxy(ArticleRepository articles, SourceRepository sources, ImageFetches images) {
        this.articles = articles;
        this.sources = sources;
        this.images = images;
    }

    @GetMapping("/img/{articleId}/{index}")
    ResponseEntity<byte[]> image(@PathVariable long articleId, @PathVariable int index) {
        Article article = articles.findById(articleId).filter(Article::published).orElseThrow(() -> new NotFoundException("article " + articleId));
        List<Image> list = article.images();
        if (index < 0 || index >= list.size() || list.get(index).src() == null) {
            throw new NotFoundException("image " + index + " of article " + articleId);
        }
        if (DemoPictures.isDemo(list.get(index).src())) {
            // a picture made for the demo article: drawn here, never fetched
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(DemoPictures.CONTENT_TYPE))
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(DemoPictures.svg(article, index));
        }
        ImageFetches.Answer answer = images.image(list.get(index).src(), referer(article));
        if (answer instanceof ImageFetches.Found found) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(found.contentType()))
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(found.bytes());
        }
        if (answer instanceof ImageFetches.Failed) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).cacheControl(CacheControl.maxAge(FAILURE_MAX_AGE))
                    .contentType(MediaType.parseMediaType(MissingPicture.CONTENT_TYPE))
                    .header("X-Content-Type-Options", "nosniff")
                    .body(MissingPicture.SVG);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(MissingPicture.CONTENT_TYPE))
                .header("X-Content-Type-Options", "nosniff")
                .body(MissingPicture.SVG);
    }

    /** The source's configured Referer, else the article's own page, which outlets accept for their images. */
    private String referer(Article article) {
        String configured = article.sourceId() == null ? null
                : sources.findById(article.sourceId()).map(s -> s.referer()).orElse(null);
        return configured != null ? configured : article.sourceUrl();
    }
}
