package io.huiwen.search;

import java.time.OffsetDateTime;
import java.util.List;

/** What the search index holds of an article; {@code sourceUrl} gives the host that site: filters on. */
public record IndexedArticle(
        long id, String title, String text, List<String> tags, String source, String categorySlug,
        OffsetDateTime sortTime, long storyId, String sourceUrl) {

    public IndexedArticle(long id, String title, String text, List<String> tags, String source, String categorySlug,
                          OffsetDateTime sortTime, long storyId) {
        this(id, title, text, tags, source, categorySlug, sortTime, storyId, null);
    }
}
