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
                          List<ArticleSummary> hot) {}

    public record Search(String query, SearchResults results, Map<Long, ArticleSummary> articles, String message) {

        public ArticleSummary article(long id) {
            return articles.get(id);
        }
    }
}
