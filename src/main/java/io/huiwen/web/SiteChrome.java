package io.huiwen.web;

import io.huiwen.article.Category;
import java.util.List;

/** What every portal page shows around its content: the site name and the category navigation. */
public record SiteChrome(String siteName, List<Category> categories) {}
