package io.huiwen.article;

import io.huiwen.extract.ExtractedArticle.Image;
import io.huiwen.extract.ExtractedArticle.TimePrecision;
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
        ArticleState status,
        TimePrecision publishPrecision) {

    /** How precisely the publish time is known: null when unknown, SECOND for rows stored before precision was kept. */
    public Article {
        publishPrecision = publishTime == null ? null : publishPrecision == null ? TimePrecision.SECOND : publishPrecision;
    }

    /** An article dated to the second, when dated. */
    public Article(long id, String sourceUrl, String title, OffsetDateTime publishTime, OffsetDateTime collectedAt, String source,
                   String author, String editor, Category category, List<String> breadcrumb, String excerpt, String text, String html,
                   List<Image> images, String lang, List<String> tags, long storyId, long views, Long sourceId, ArticleState status) {
        this(id, sourceUrl, title, publishTime, collectedAt, source, author, editor, category, breadcrumb, excerpt, text, html, images,
                lang, tags, storyId, views, sourceId, status, null);
    }

    /** Whether the page gave its date only, no time of day: shown as a date, never as 00:00. */
    public boolean dateOnly() {
        return publishPrecision == TimePrecision.DAY;
    }

    /** The same article with these tags (tags are read by a query of their own). */
    public Article withTags(List<String> tags) {
        return new Article(id, sourceUrl, title, publishTime, collectedAt, source, author, editor, category, breadcrumb, excerpt,
                text, html, images, lang, List.copyOf(tags), storyId, views, sourceId, status, publishPrecision);
    }

    public boolean published() {
        return status == ArticleState.PUBLISHED;
    }
}
