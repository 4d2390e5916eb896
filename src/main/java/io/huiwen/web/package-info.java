/**
 * Web: the reader portal (home, category, article, tag and search pages rendered with jte),
 * feeds and the sitemap. Reads through article, search and rank; holds no business rules.
 */
package io.huiwen.web;
