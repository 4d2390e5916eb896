package io.huiwen.article;

import java.time.OffsetDateTime;

/**
 * A place Huiwen collects from: a feed, a sitemap, a list page or a single article page.
 * {@code currentIntervalMinutes} is the revisit interval in force (it grows while the source does
 * not change); {@code lastError} is a typed reason such as {@code robots_disallowed}.
 */
public record Source(
        long id,
        String name,
        String url,
        Type type,
        Category category,
        int intervalMinutes,
        int currentIntervalMinutes,
        boolean enabled,
        String charset,
        String referer,
        boolean needsReview,
        String cssSelector,
        String includePattern,
        String excludePattern,
        String etag,
        String lastModified,
        OffsetDateTime nextPollAt,
        OffsetDateTime lastPollAt,
        OffsetDateTime lastSuccessAt,
        int errorStreak,
        String lastError,
        String lastErrorMessage) {

    /** What the URL points at. */
    public enum Type {
        FEED, SITEMAP, LIST, PAGE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Type of(String code) {
            for (Type t : values()) {
                if (t.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("type must be one of feed, sitemap, list, page");
        }
    }

    /** What an editor may set when creating or changing a source; null leaves a field as it is. */
    public record Settings(String name, String url, Type type, String categorySlug, Integer intervalMinutes, Boolean enabled,
                           String charset, String referer, Boolean needsReview, String cssSelector, String includePattern,
                           String excludePattern) {}
}
