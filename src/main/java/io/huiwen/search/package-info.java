/**
 * Search: the {@link io.huiwen.search.SearchIndex} port and its embedded Lucene adapter, the
 * HanLP analyzer, related articles (MoreLikeThis) and the outbox drain that keeps the index in
 * step with the database. Depends on article and text; never on the web.
 */
package io.huiwen.search;
