package io.huiwen.article;

import java.time.OffsetDateTime;

/**
 * An article as lists show it. {@code storySize} is how many published articles tell the same
 * story (1 when it stands alone; see {@link ArticleRepository#storySize}).
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
        int storySize) {}
