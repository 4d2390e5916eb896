package io.huiwen.article;

import io.huiwen.extract.ExtractedArticle.Image;
import io.huiwen.extract.ExtractedArticle.TimePrecision;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article as lists show it. {@code storySize} is how many published articles tell the same
 * story (1 when it stands alone; see {@link ArticleRepository#storySize}). {@code picture} is its
 * first image that has a source (lists show it as a thumbnail), null when it has none.
 * {@code publishPrecision} is how much of the publish time the page gave, as {@link Article#publishPrecision}.
 */
public record ArticleSummary(
        long id,
        String title,
        OffsetDateTime publishTime,
        OffsetDateTime collectedAt,
        String source,
        Category category,
        String excerpt,
        long storyId,
        int storySize,
        Picture picture,
        TimePrecision publishPrecision) {

    public ArticleSummary {
        publishPrecision = publishTime == null ? null : publishPrecision == null ? TimePrecision.SECOND : publishPrecision;
    }

    /** An article dated to the second, when dated. */
    public ArticleSummary(long id, String title, OffsetDateTime publishTime, OffsetDateTime collectedAt, String source, Category category,
            String excerpt, long storyId, int storySize, Picture picture) {
        this(id, title, publishTime, collectedAt, source, category, excerpt, storyId, storySize, picture, null);
    }

    /** An article without a picture. */
    public ArticleSummary(long id, String title, OffsetDateTime publishTime, OffsetDateTime collectedAt, String source, Category category,
            String excerpt, long storyId, int storySize) {
        this(id, title, publishTime, collectedAt, source, category, excerpt, storyId, storySize, null, null);
    }

    /** An article's picture for lists: which of its images ({@code /img/{article}/{index}}) and its caption, for {@code alt}. */
    public record Picture(int index, String caption) {

        static Picture first(List<Image> images) {
            for (int i = 0; i < images.size(); i++) {
                if (images.get(i).src() != null) {
                    return new Picture(i, images.get(i).caption() == null ? "" : images.get(i).caption());
                }
            }
            return null;
        }
    }
}
