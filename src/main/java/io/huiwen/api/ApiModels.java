package io.huiwen.api;

import io.huiwen.article.Article;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.ReviewQueue;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.extract.ExtractedArticle.Image;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of the API; field names become snake_case on the wire. */
final class ApiModels {

    private ApiModels() {}

    record CategoryRef(String slug, String name) {
        static CategoryRef of(Category c) {
            return c == null ? null : new CategoryRef(c.slug(), c.name());
        }
    }

    record OtherReport(long id, String source, String sourceUrl) {}

    /**
     * One article. {@code publish_time_precision} says how much of {@code publish_time} the page gave:
     * {@code day} (a date alone, sent as midnight Beijing time), {@code minute} or {@code second}; null when undated.
     * {@code status} is {@code published}, or {@code review} for an editor looking at one
     * that waits; then {@code suggested_category} says where it would go and how that was chosen
     * (absent for a published article).
     */
    record ArticleJson(long id, String url, String sourceUrl, String title, OffsetDateTime publishTime, String source,
                       String author, String editor, CategoryRef category, List<String> breadcrumb, String excerpt,
                       String text, String html, List<Image> images, List<String> tags, long storyId,
                       List<OtherReport> alsoReportedBy, long views, String publishTimePrecision, String status,
                       @JsonInclude(JsonInclude.Include.NON_NULL) SuggestedCategory suggestedCategory) {

        static ArticleJson of(Article a, String baseUrl, List<OtherReport> others, SuggestedCategory suggested) {
            return new ArticleJson(a.id(), baseUrl + "/a/" + a.id(), a.sourceUrl(), a.title(), a.publishTime(), a.source(),
                    a.author(), a.editor(), CategoryRef.of(a.category()), a.breadcrumb(), a.excerpt(), a.text(), a.html(),
                    a.images(), a.tags(), a.storyId(), others, a.views(),
                    precision(a.publishPrecision()), a.status().sql(), suggested);
        }
    }

    /** The category an article awaiting review would be published in: {@code by} whom it was chosen, whether that was {@code sure}. */
    record SuggestedCategory(String slug, String name, String by, boolean sure) {
        static SuggestedCategory of(Category c, ReviewQueue.Suggestion s) {
            return new SuggestedCategory(c == null ? null : c.slug(), c == null ? null : c.name(), s == null ? null : s.by(),
                    s != null && c != null && s.sure());
        }
    }

    /** One article of the review queue. */
    record Waiting(long id, String url, String title, OffsetDateTime publishTime, String source, String excerpt, String status,
                   String reviewReason, SuggestedCategory suggestedCategory) {}

    record ReviewListing(long total, int page, int size, List<Waiting> items) {}

    /** One article of a list; {@code publish_time_precision} as for one article. */
    record Summary(long id, String url, String title, OffsetDateTime publishTime, String source, CategoryRef category,
                   String excerpt, long storyId, int storySize, String snippet, String publishTimePrecision) {

        static Summary of(ArticleSummary a, String baseUrl) {
            return of(a, baseUrl, null);
        }

        static Summary of(ArticleSummary a, String baseUrl, String snippet) {
            return new Summary(a.id(), baseUrl + "/a/" + a.id(), a.title(), a.publishTime(), a.source(),
                    CategoryRef.of(a.category()), a.excerpt(), a.storyId(), a.storySize(), snippet, precision(a.publishPrecision()));
        }
    }

    /** day, minute or second on the wire; null when undated. */
    static String precision(ExtractedArticle.TimePrecision p) {
        return p == null ? null : p.name().toLowerCase(java.util.Locale.ROOT);
    }

    record Listing(long total, int page, int size, List<Summary> items) {}

    /** A search page: {@code message} explains a query that could not be searched as typed (or filters that hid
     *  every hit); with no hits, {@code suggestion} is a corrected query and {@code related_tags} tags near it. */
    record SearchListing(long total, int page, int size, List<Summary> items, String message, String suggestion,
                         List<String> relatedTags) {}

    record Items<T>(List<T> items) {}

    record CategoryCount(String slug, String name, long count) {}

    record Error(String error) {}
}
