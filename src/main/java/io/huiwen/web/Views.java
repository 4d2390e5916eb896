package io.huiwen.web;

import io.huiwen.article.Article;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.Page;
import io.huiwen.search.SearchResults;
import java.util.List;
import java.util.Map;

/** The models of the portal's pages, one record per template. */
public final class Views {

    private Views() {}

    public record CategoryBlock(Category category, List<ArticleSummary> articles) {}

    public record Home(List<ArticleSummary> latest, List<ArticleSummary> hot, List<CategoryBlock> blocks) {}

    public record ArticleView(Article article, List<ArticleSummary> alsoReported, List<ArticleSummary> related,
                              List<ArticleSummary> hot, List<ArticleSummary> latest) {

        /** The body with its images loaded through Huiwen (see ImageProxy). */
        public String bodyHtml() {
            return BodyImages.proxied(article);
        }
    }

    /** A paged list of articles (a category or a tag), with the path its pages link to. */
    public record Listing(String heading, Category category, Page<ArticleSummary> page, String path,
                          List<ArticleSummary> hot) {

        /** What search engines show under the page's title. */
        public String description(String siteName) {
            return category != null ? siteName + "的" + category.name() + "频道：各大媒体的" + category.name() + "新闻，按时间排列"
                    : siteName + "上" + heading + "的报道，按时间排列";
        }
    }

    /**
     * A search page: the query, its filters (blank when unset) and what was found; when nothing
     * was, the hot and latest articles give the reader a way on (empty lists otherwise).
     */
    public record Search(String query, SearchFilters filters, SearchResults results, Map<Long, ArticleSummary> articles,
                         String message, List<ArticleSummary> hot, List<ArticleSummary> latest) {

        public Search(String query, SearchFilters filters, SearchResults results, Map<Long, ArticleSummary> articles, String message) {
            this(query, filters, results, articles, message, List.of(), List.of());
        }

        /** A query was searched and nothing came back (not an empty query, not a failing index). */
        public boolean nothingFound() {
            return !query.isEmpty() && results.total() == 0 && results.message() == null;
        }

        /** Any filter beyond the query itself narrows the search. */
        public boolean filtered() {
            return !filters.category().isEmpty() || !filters.source().isEmpty() || !filters.from().isEmpty() || !filters.to().isEmpty();
        }

        public ArticleSummary article(long id) {
            return articles.get(id);
        }

        /** This search's address on another page or with another sort; every filter kept. */
        public String link(int page, String sort) {
            return link(page, sort, filters.everyReport());
        }

        /** Page 1 of this search with every report of a story, or the best of each. */
        public String reportsLink(boolean everyReport) {
            return link(1, filters.sort(), everyReport);
        }

        private String link(int page, String sort, boolean everyReport) {
            StringBuilder sb = new StringBuilder("/search?q=").append(Display.url(query));
            filters.appendTo(sb, sort, everyReport);
            return page > 1 ? sb.append("&page=").append(page).toString() : sb.toString();
        }

        public String queryLink(String otherQuery) {
            StringBuilder sb = new StringBuilder("/search?q=").append(Display.url(otherQuery));
            filters.appendTo(sb, filters.sort(), filters.everyReport());
            return sb.toString();
        }

        /** This query over every article: category, source and dates dropped. */
        public String unfilteredLink() {
            StringBuilder sb = new StringBuilder("/search?q=").append(Display.url(query));
            new SearchFilters("", "", "", "", filters.sort(), filters.everyReport()).appendTo(sb, filters.sort(), filters.everyReport());
            return sb.toString();
        }

        public boolean hasMore() {
            return results.total() > (long) results.page() * results.size();
        }
    }

    /** The filters of a search form, as typed (invalid dates already dropped). */
    public record SearchFilters(String category, String source, String from, String to, String sort, boolean everyReport) {

        void appendTo(StringBuilder sb, String withSort, boolean withEveryReport) {
            for (var p : new String[][] {{"category", category}, {"source", source}, {"from", from}, {"to", to}}) {
                if (!p[1].isEmpty()) {
                    sb.append('&').append(p[0]).append('=').append(Display.url(p[1]));
                }
            }
            if ("time".equals(withSort)) {
                sb.append("&sort=time");
            }
            if (withEveryReport) {
                sb.append("&reports=all");
            }
        }
    }
}
