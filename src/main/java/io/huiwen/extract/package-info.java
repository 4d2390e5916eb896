/**
 * Extract: one fetched page (HTML in any charset, or a text dump of a page) becomes an
 * {@link io.huiwen.extract.ExtractedArticle}. Depends on jsoup and the OWASP sanitizer only,
 * never on other Huiwen packages.
 */
package io.huiwen.extract;
