package io.huiwen.collect;

import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * Reads a feed's items: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom through ROME, JSON Feed 1.x through
 * Jackson; the format is told from the content, not the Content-Type, which servers often get wrong.
 * DOCTYPEs are refused, so entity expansion (billion laughs) and external entities (XXE) never run.
 */
public final class FeedReader {

    /** A feed: its title, the site it belongs to (may be null) and its items in feed order. */
    public record Feed(String title, URI siteUrl, List<DiscoveredItem> items) {}

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!][^>]*>");

    public Feed read(byte[] body, URI feedUrl, int maxItems) throws FetchFailure {
        String head = head(body);
        if (head.isEmpty()) {
            throw bad("empty feed");
        }
        if (head.startsWith("{")) {
            return JsonFeedParser.read(body, feedUrl, maxItems);
        }
        if (isHtml(head)) {
            throw bad("an HTML page, not a feed");
        }
        boolean utf16Bom = body[0] == (byte) 0xFE || body[0] == (byte) 0xFF;
        if (!head.startsWith("<") && !utf16Bom) {
            throw bad("neither XML nor JSON");
        }
        return readXml(body, feedUrl, maxItems);
    }

    private static Feed readXml(byte[] body, URI feedUrl, int maxItems) throws FetchFailure {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setPreserveWireFeed(true);
        SyndFeed feed;
        // an undeclared encoding means UTF-8; Chinese sites that forget the declaration mean GBK
        String fallback = isUtf8(body) ? null : "GB18030";
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), true, fallback)) {
            feed = input.build(reader);
        } catch (FeedException | IOException | RuntimeException e) {
            throw bad("not a readable feed: " + e.getMessage());
        }
        Set<URI> seen = new LinkedHashSet<>();
        List<DiscoveredItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (items.size() >= maxItems) {
                break;
            }
            URI url = Hrefs.resolve(feedUrl, link(entry));
            if (url != null && seen.add(url)) {
                items.add(new DiscoveredItem(url, plainText(entry.getTitle()), published(entry),
                        summary(entry.getDescription()), contentHtml(entry.getContents())));
            }
        }
        return new Feed(plainText(feed.getTitle()), siteUrl(feed, feedUrl), List.copyOf(items));
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink();
        }
        if (entry.getWireEntry() instanceof Item item) {
            Guid guid = item.getGuid();
            return guid != null && guid.isPermaLink() ? guid.getValue() : null;
        }
        for (SyndLink link : entry.getLinks()) {
            if (link.getRel() == null || "alternate".equals(link.getRel())) {
                return link.getHref();
            }
        }
        return null;
    }

    /** The entry's publication date; an Atom {@code <updated>} alone says when it last changed, not when it appeared. */
    private static java.time.Instant published(SyndEntry entry) {
        Date date = entry.getPublishedDate();
        return date == null ? null : date.toInstant();
    }

    private static String summary(SyndContent description) {
        return description == null ? null : plainText(description.getValue());
    }

    private static String contentHtml(List<SyndContent> contents) {
        for (SyndContent content : contents) {
            String value = content.getValue();
            if (value != null && !value.isBlank()) {
                String type = content.getType() == null ? "" : content.getType();
                return type.equals("text") || type.equals("text/plain") ? Entities.escape(value.strip()) : value.strip();
            }
        }
        return null;
    }

    /** Atom's alternate link first: ROME's {@code getLink()} may be the feed's own "self" link. */
    private static URI siteUrl(SyndFeed feed, URI feedUrl) {
        for (SyndLink link : feed.getLinks()) {
            if ("alternate".equals(link.getRel())) {
                return Hrefs.resolve(feedUrl, link.getHref());
            }
        }
        return Hrefs.resolve(feedUrl, feed.getLink());
    }

    /** Text without markup, whitespace collapsed; null when nothing is left. */
    static String plainText(String value) {
        if (value == null) {
            return null;
        }
        String text = TAG.matcher(value).find() || value.contains("&") ? Jsoup.parse(value).text() : value;
        text = text.replaceAll("[\\s\\u00a0\\u3000]+", " ").strip();
        return text.isEmpty() ? null : text;
    }

    static FetchFailure bad(String message) {
        String line = message == null ? "unknown error" : message.replaceAll("\\s+", " ").strip();
        return new FetchFailure(FetchFailureReason.BAD_FEED, line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    static boolean isHtml(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        return lower.startsWith("<!doctype html") || lower.startsWith("<html");
    }

    /** The first few hundred characters after any BOM and leading whitespace, read as Latin-1. */
    static String head(byte[] body) {
        if (body == null) {
            return "";
        }
        int from = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF ? 3 : 0;
        while (from < body.length && Character.isWhitespace(body[from])) {
            from++;
        }
        return new String(body, from, Math.min(body.length - from, 512), StandardCharsets.ISO_8859_1);
    }
}
