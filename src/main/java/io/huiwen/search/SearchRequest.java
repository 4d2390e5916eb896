package io.huiwen.search;

import java.time.LocalDate;

/**
 * A reader's search. Blank filters are ignored; {@code page} counts from 1.
 *
 * @param sort        "relevance" (default) or "time"
 * @param everyReport every outlet's report of a story, not only its best one (the default)
 */
public record SearchRequest(String query, String category, String source, LocalDate from, LocalDate to,
                            String sort, int page, int size, boolean everyReport) {

    public static final int MAX_QUERY_CHARS = 200;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        if (query.length() > MAX_QUERY_CHARS) {
            query = query.substring(0, MAX_QUERY_CHARS);
        }
        page = Math.max(1, Math.min(page, 100));
        size = Math.max(1, Math.min(size, 50));
        sort = "time".equals(sort) ? "time" : "relevance";
    }

    public SearchRequest(String query, String category, String source, LocalDate from, LocalDate to, String sort, int page, int size) {
        this(query, category, source, from, to, sort, page, size, false);
    }

    public static SearchRequest of(String query, int page) {
        return new SearchRequest(query, null, null, null, null, null, page, 10);
    }
}
