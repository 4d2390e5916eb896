package io.huiwen.web;

import io.huiwen.HuiwenProperties;
import io.huiwen.article.Article;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.SourceRepository;
import io.huiwen.collect.FetchFailure;
import io.huiwen.collect.FetchRequest;
import io.huiwen.collect.FetchResponse;
import io.huiwen.collect.PoliteFetcher;
import io.huiwen.extract.ExtractedArticle.Image;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
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
 * directory. Readers' browsers never contact the outlets. Only raster images are passed on: an
 * SVG could carry script.
 */
@RestController
class ImageProxy {

    static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    private static final List<String> RASTER = List.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/avif", "image/bmp");

    private final ArticleRepository articles;
    private final SourceRepository sources;
    private final PoliteFetcher fetcher;
    private final Path cache;

    ImageProxy(ArticleRepository articles, SourceRepository sources, PoliteFetcher fetcher, HuiwenProperties properties) {
        this.articles = articles;
        this.sources = sources;
        this.fetcher = fetcher;
        this.cache = properties.dataDir().resolve("images");
    }

    @GetMapping("/img/{articleId}/{index}")
    ResponseEntity<byte[]> image(@PathVariable long articleId, @PathVariable int index) throws IOException {
        Article article = articles.findById(articleId).filter(Article::published).orElseThrow(() -> new NotFoundException("article " + articleId));
        List<Image> images = article.images();
        if (index < 0 || index >= images.size() || images.get(index).src() == null) {
            throw new NotFoundException("image " + index + " of article " + articleId);
        }
        String src = images.get(index).src();
        Path file = cache.resolve(key(src));
        Path type = cache.resolve(key(src) + ".type");
        if (!Files.exists(file)) {
            try {
                FetchResponse r = fetcher.fetch(new FetchRequest(URI.create(src), null, null, referer(article)));
                String contentType = r.contentType() == null ? "" : r.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
                if (!RASTER.contains(contentType) || r.body().length == 0 || r.body().length > MAX_IMAGE_BYTES) {
                    return ResponseEntity.status(HttpStatus.BAD_GATEWAY).build();
                }
                Files.createDirectories(cache);
                Path tmp = Files.createTempFile(cache, "img", ".part");
                Files.write(tmp, r.body());
                Files.writeString(type, contentType, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (FetchFailure | IllegalArgumentException e) {
                return ResponseEntity.status(HttpStatus.BAD_GATEWAY).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).build();
            }
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Files.exists(type) ? Files.readString(type, StandardCharsets.UTF_8) : "image/jpeg"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
                .header("X-Content-Type-Options", "nosniff")
                .body(Files.readAllBytes(file));
    }

    /** The source's configured Referer, else the article's own page, which outlets accept for their images. */
    private String referer(Article article) {
        String configured = article.sourceId() == null ? null
                : sources.findById(article.sourceId()).map(s -> s.referer()).orElse(null);
        return configured != null ? configured : article.sourceUrl();
    }

    static String key(String src) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(src.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
