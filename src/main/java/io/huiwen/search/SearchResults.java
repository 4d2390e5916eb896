package io.huiwen.search;

import java.util.List;

/**
 * One page of hits, one per story. Snippets are safe HTML: text escaped, matches in {@code <em>}.
 * When nothing is found, {@code suggestion} may hold a query that finds something (spelling or a
 * homophone) and {@code relatedTags} tags near what was asked; {@code message} explains a query
 * that could not be searched as typed, or filters that hid every hit.
 */
public record SearchResults(long total, int page, int size, List<Hit> hits, String message, String suggestion,
                            List<String> relatedTags) {

    public record Hit(long id, String titleHtml, String snippetHtml) {}

    public SearchResults(long total, int page, int size, List<Hit> hits) {
        this(total, page, size, hits, null, null, List.of());
    }

    public static SearchResults empty(int page, int size) {
        return new SearchResults(0, page, size, List.of());
    }

    public static SearchResults message(int page, int size, String message) {
        return new SearchResults(0, page, size, List.of(), message, null, List.of());
    }
}
