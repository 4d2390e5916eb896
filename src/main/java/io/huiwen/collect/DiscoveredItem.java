package io.huiwen.collect;

import java.net.URI;
import java.time.Instant;

/**
 * An article link found in a feed, sitemap or list page. Feeds may also carry the item's title,
 * date and content ({@code contentHtml} is the full text when the feed has it, else null);
 * {@code summary} is the feed's short description. {@code published} is only ever a date the
 * source states as the publication's (a feed's pubDate/published, a news sitemap's
 * publication_date); {@code lastModified} is a sitemap's {@code <lastmod>}, when the listing
 * last changed, which says which links to take first and never when the article appeared.
 */
public record DiscoveredItem(URI url, String title, Instant published, String summary, String contentHtml,
                             Instant lastModified) {

    public DiscoveredItem(URI url, String title, Instant published, String summary, String contentHtml) {
        this(url, title, published, summary, contentHtml, null);
    }

    public static DiscoveredItem link(URI url) {
        return new DiscoveredItem(url, null, null, null, null);
    }

    /** The newest thing known of the link, for taking the newest first when a listing must be cut. */
    Instant freshness() {
        return published != null ? published : lastModified;
    }
}
