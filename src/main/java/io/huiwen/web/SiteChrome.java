package io.huiwen.web;

import io.huiwen.article.Category;
import java.util.List;

/**
 * What every portal page shows around its content: the site name, the category navigation, the
 * addresses of the stylesheet and the navigation script (named by their content's hash, so they may be kept for a year), and the
 * site's absolute address for what a page says of itself ({@link PageMeta}; see {@code SiteUrl}).
 */
public record SiteChrome(String siteName, List<Category> categories, String stylesheet, String baseUrl, String navScript) {

    public static final String STYLESHEET = "/css/site.css";
    /** Brings the current category into view in the sideways-scrolling bar of a phone. */
    public static final String NAV_SCRIPT = "/js/nav.js";

    public SiteChrome(String siteName, List<Category> categories) {
        this(siteName, categories, STYLESHEET, "", NAV_SCRIPT);
    }
}
