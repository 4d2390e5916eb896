package io.huiwen.ingest;

import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.extract.ExtractionException;
import io.huiwen.extract.ExtractedArticle.TimePrecision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A fetched page and its provenance become one article, the same way whether it is polled now or
 * re-extracted later: the source's charset override wins over the server's, and the feed entry
 * completes what the page does not say or replaces a body it shortened.
 */
final class PageReader {

    /** A feed's dates without an offset are read as China's time, where most of the sources are. */
    private static final ZoneOffset FEED_OFFSET = ZoneOffset.ofHours(8);

    private final ArticleExtractor extractor = new ArticleExtractor();

    ExtractedArticle read(FetchedPage page, String charsetOverride, FeedEntry feed) throws ExtractionException {
        String contentType = charsetOverride != null ? "text/html; charset=" + charsetOverride : page.contentType();
        ExtractedArticle fromPage = extractor.extract(page.body(), page.url().toString(), contentType, page.url(), page.fetchedAt());
        return completed(fromPage, feed, page);
    }

    /** A file or resource given by name, without provenance: its date is the page's own or none, never {@code at}. */
    ExtractedArticle read(byte[] body, String name, Instant at) throws ExtractionException {
        return extractor.extract(body, name, null, null, at);
    }

    /**
     * The page's article, completed from the feed where the page says nothing (title, date), or
     * the feed's own full text when it is longer than what the page gave.
     */
    private ExtractedArticle completed(ExtractedArticle fromPage, FeedEntry feed, FetchedPage page) {
        ExtractedArticle a = fromPage;
        if (feed.contentHtml() != null && !feed.contentHtml().isBlank()) {
            try {
                String html = "<html><body><article>" + feed.contentHtml() + "</article></body></html>";
                ExtractedArticle fromFeed = extractor.extract(html.getBytes(StandardCharsets.UTF_8), page.url().toString(),
                        "text/html; charset=utf-8", page.url(), null);
                if (fromFeed.text().length() > a.text().length() * 1.2) {
                    a = a.withBodyOf(fromFeed);
                }
            } catch (ExtractionException e) {
                // the feed's content is not an article on its own: keep the page's
            }
        }
        String title = a.title() != null ? a.title() : feed.title();
        if (a.publishTime() != null || feed.published() == null) {
            return a.withTitle(title); // the page's own date first; no date stays no date
        }
        OffsetDateTime published = feed.published().atOffset(FEED_OFFSET);
        return isDateOnly(feed.published())
                ? a.withTitle(title).withPublishTime(published.toLocalDate().atStartOfDay().atOffset(FEED_OFFSET), TimePrecision.DAY)
                : a.withTitle(title).withPublishTime(published);
    }

    /**
     * A feed or news-sitemap date given without a time of day ({@code 2019-06-15}) is read as
     * midnight, UTC or China's: shown as a date, not as 00:00 or 08:00. A real publication at
     * exactly midnight to the second is rare enough to show as its date alone.
     */
    static boolean isDateOnly(Instant published) {
        return published.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                || published.atOffset(FEED_OFFSET).toLocalTime().equals(LocalTime.MIDNIGHT);
    }
}
