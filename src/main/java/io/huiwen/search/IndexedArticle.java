package io.huiwen.search;

import java.time.OffsetDateTime;
import java.util.List;

/** What the search index holds of an article. */
public record IndexedArticle(
        long id, String title, String text, List<String> tags, String source, String categorySlug,
        OffsetDateTime sortTime, long storyId) {}
