package io.huiwen.collect;

import java.net.URI;
import java.time.Instant;

/**
 * An article link found in a feed, sitemap or list page. Feeds may also carry the item's title,
 * date and content ({@code contentHtml} is the full text when the feed has it, else null);
 * {@code summary} is the feed's short description.
 */
public record DiscoveredItem(URI url, String title, Instant published, String summary, String contentHtml) {

    public static DiscoveredItem link(URI url) {
        return new DiscoveredItem(url, null, null, null, null);
    }
}
