/**
 * Search: the {@link io.huiwen.search.SearchIndex} port and its two adapters, embedded Lucene and
 * OpenSearch ({@code OpenSearchIndex}: the same terms, cut by the same analyzers in Java). Text is
 * folded ({@code io.huiwen.text.Folding}, through {@code FoldingFilter}), then indexed as HanLP dictionary words ({@code HanlpTokenizer}),
 * character pairs ({@code BigramAnalyzer}) and pinyin syllables ({@code PinyinAnalyzer}); a
 * reader's query ({@code QuerySyntax}) becomes a Lucene query ({@code ReaderQuery}); hits get
 * highlighted snippets ({@code Snippets}) and, when there are none, help ({@code Suggestions});
 * {@code ArticleSearch} answers the search page and the API with hits joined to their summaries.
 * Also related articles (MoreLikeThis) and the outbox drain that keeps the index in step with the
 * database. Depends on article and text; never on the web.
 */
package io.huiwen.search;
