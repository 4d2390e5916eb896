/**
 * Web: the reader portal (home, category, article, tag and search pages rendered with jte),
 * feeds, the sitemap, and article images fetched through collect into a capped disk cache
 * ({@code ImageFetches}, {@code ImageCache}), and the rendered-page cache with the HTTP caching rules of
 * every reader response ({@code PageCacheFilter}, {@code PageCache}, {@code CachePolicy}). Reads through
 * article, search and rank; holds no business rules.
 */
package io.huiwen.web;
