/**
 * Collect: getting pages from the web. For now the page fetcher behind {@code extract URL};
 * sources, feeds, sitemaps, robots.txt and the scheduler come with the collection issue.
 * Depends on no other Huiwen package.
 */
package io.huiwen.collect;
