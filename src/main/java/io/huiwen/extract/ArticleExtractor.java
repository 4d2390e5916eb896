package io.huiwen.extract;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Turns one fetched page into an {@link ExtractedArticle}: bytes (gzip allowed, 20 MB at most) →
 * text in the right charset → an HTML page or a text dump of a page → the article. Stateless, so
 * one instance may be shared by any number of threads.
 */
public final class ArticleExtractor {
    private static final Pattern HTML_START = Pattern.compile(
            "(?is)^\\s*(<!--.*?-->\\s*)*(<!doctype|<html|<head|<meta|<body|<\\?xml|<title|<div|<p[ >]|<script|<link|<table)");
    private static final Pattern HTML_TAGS = Pattern.compile("(?i)</(p|div|body|html|span|a|td|li)>");

    public ArticleExtractor() {}

    /**
     * @param content           the page's bytes, possibly gzip-compressed
     * @param name              file name or URL, for messages
     * @param contentTypeHeader the HTTP Content-Type, or null
     * @param baseUri           the page's URL for resolving relative links, or null
     * @param fetchedAt         when the page was fetched, for relative dates like 昨天 10:12; may be null
     * @throws NoArticleException  when the input holds no article (empty, binary, a list page)
     * @throws ExtractionException when the input cannot be read (too large, broken gzip)
     */
    public ExtractedArticle extract(byte[] content, String name, String contentTypeHeader, URI baseUri,
            Instant fetchedAt) throws ExtractionException {
        byte[] bytes = PageBytes.unwrap(content, name);
        String text = CharsetSniffer.decode(bytes, contentTypeHeader);
        if (text.isBlank()) {
            throw new NoArticleException(UnreadableInput.EMPTY, "empty file");
        }
        try {
            return isHtml(text, contentTypeHeader)
                    ? HtmlArticleExtractor.extract(text, baseUri, fetchedAt)
                    : PageDumpExtractor.extract(text, fetchedAt);
        } catch (StackOverflowError e) {
            throw new ExtractionException("page nested too deeply" + (name == null ? "" : ": " + name));
        } catch (RuntimeException e) {
            // a page that trips over a fault of ours fails alone, with what went wrong, not the batch or poll it is in
            throw new ExtractionException("extractor fault on this page (" + e + ")" + (name == null ? "" : ": " + name), e);
        }
    }

    /**
     * Page bytes as text, by the same rules as {@link #extract}: BOM, strict UTF-8, the declared
     * charset (a {@code charset=} in {@code contentTypeHeader} wins over the page's meta), GB18030 for Chinese.
     */
    public static String decode(byte[] content, String name, String contentTypeHeader) throws ExtractionException {
        return CharsetSniffer.decode(PageBytes.unwrap(content, name), contentTypeHeader);
    }

    /** HTML starts with a tag or is full of closing tags; a text dump has neither. */
    static boolean isHtml(String text, String contentTypeHeader) {
        if (contentTypeHeader != null && contentTypeHeader.toLowerCase().startsWith("text/plain")) {
            return false;
        }
        String head = text.substring(0, Math.min(text.length(), 4096));
        if (HTML_START.matcher(head).find()) {
            return true;
        }
        java.util.regex.Matcher m = HTML_TAGS.matcher(head);
        int tags = 0;
        while (m.find() && tags < 5) {
            tags++;
        }
        return tags >= 5;
    }
}
