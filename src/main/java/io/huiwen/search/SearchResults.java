package io.huiwen.search;

import java.util.List;

/** One page of hits, one per story. Snippets are safe HTML: text escaped, matches in {@code <em>}. */
public record SearchResults(long total, int page, int size, List<Hit> hits) {

    public record Hit(long id, String titleHtml, String snippetHtml) {}

    public static SearchResults empty(int page, int size) {
        return new SearchResults(0, page, size, List.of());
    }
}
