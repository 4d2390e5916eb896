/**
 * Web: the reader portal (home, category, article, tag and search pages rendered with jte),
 * feeds, the sitemap, and article images fetched through collect into a capped disk cache
 * ({@code ImageFetches}, {@code ImageCache}). Reads through article, search and rank; holds no business rules.
 */
package io.huiwen.web;
