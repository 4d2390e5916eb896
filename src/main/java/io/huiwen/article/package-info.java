/**
 * Article: the domain (articles, categories, story clusters, tags) and its storage in the
 * database, the source of truth. SQL migrations live in {@code db/migration}. Uses extract and
 * text to turn an extracted page into a stored article; knows nothing of search or the web.
 */
package io.huiwen.article;
