package io.huiwen.collect;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Feed 1.0 and 1.1 (jsonfeed.org), the one feed format ROME does not read. */
final class JsonFeedParser {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern VERSION = Pattern.compile("https?://jsonfeed\\.org/version/1(\\.\\d+)?/?");

    private JsonFeedParser() {}

    static FeedReader.Feed read(byte[] body, URI feedUrl, int maxItems) throws FetchFailure {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw FeedReader.bad("malformed JSON: " + e.getOriginalMessage());
        }
        String version = text(root, "version");
        if (root == null || !root.isObject() || version == null || !VERSION.matcher(version).matches()) {
            throw FeedReader.bad("JSON but not a JSON Feed 1.x");
        }
        Set<URI> seen = new LinkedHashSet<>();
        List<DiscoveredItem> items = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (items.size() >= maxItems) {
                break;
            }
            URI url = Hrefs.resolve(feedUrl, text(item, "url"));
            if (url == null) {
                url = Hrefs.resolve(feedUrl, text(item, "external_url"));
            }
            if (url != null && seen.add(url)) {
                Instant published = date(text(item, "date_published"));
                // date_modified says when the item changed, not when it appeared: it orders, never dates
                items.add(new DiscoveredItem(url, FeedReader.plainText(text(item, "title")), published,
                        FeedReader.plainText(text(item, "summary")), blankToNull(text(item, "content_html")),
                        date(text(item, "date_modified"))));
            }
        }
        return new FeedReader.Feed(FeedReader.plainText(text(root, "title")),
                Hrefs.resolve(feedUrl, text(root, "home_page_url")), List.copyOf(items));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** RFC 3339, as the spec asks; anything else is treated as no date rather than failing the feed. */
    private static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String html) {
        return html == null || html.isBlank() ? null : html.strip();
    }
}
