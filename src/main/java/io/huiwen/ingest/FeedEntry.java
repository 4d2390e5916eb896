package io.huiwen.ingest;

import java.time.Instant;

/**
 * What a feed said about a page it links to: its title, date and content (the full text when the
 * feed has it). Each may be null; {@link #NONE} for a page that came without a feed entry.
 */
public record FeedEntry(String title, Instant published, String contentHtml) {

    public static final FeedEntry NONE = new FeedEntry(null, null, null);
}
