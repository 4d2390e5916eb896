package io.huiwen.article;

import io.huiwen.extract.ExtractedArticle.Image;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored article. {@code publishTime} is null when the page did not say; {@code collectedAt}
 * is when Huiwen took it in, kept separately and never shown as the publish date.
 */
public record Article(
        long id,
        String sourceUrl,
        String title,
        OffsetDateTime publishTime,
        OffsetDateTime collectedAt,
        String source,
        String author,
        String editor,
        Category category,
        List<String> breadcrumb,
        String excerpt,
        String text,
        String html,
        List<Image> images,
        String lang,
        List<String> tags,
        long storyId,
        long views,
        Long sourceId,
        ArticleState status) {

    /** The same article with these tags (tags are read by a query of their own). */
    public Article withTags(List<String> tags) {
        return new Article(id, sourceUrl, title, publishTime, collectedAt, source, author, editor, category, breadcrumb, excerpt,
                text, html, images, lang, List.copyOf(tags), storyId, views, sourceId, status);
    }

    public boolean published() {
        return status == ArticleState.PUBLISHED;
    }
}
