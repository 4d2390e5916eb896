package io.huiwen.web;

import io.huiwen.article.Category;
import java.util.List;

/**
 * What every portal page shows around its content: the site name, the category navigation, the
 * address of the stylesheet (named by its content's hash, so it may be kept for a year), and the
 * site's absolute address for what a page says of itself ({@link PageMeta}; see {@code SiteUrl}).
 */
public record SiteChrome(String siteName, List<Category> categories, String stylesheet, String baseUrl) {

    public static final String STYLESHEET = "/css/site.css";

    public SiteChrome(String siteName, List<Category> categories) {
        this(siteName, categories, STYLESHEET, "");
    }
}
