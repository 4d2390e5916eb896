package io.huiwen.text;

import java.util.List;

/**
 * What the text stage adds to an article: tags, the list excerpt and the story fingerprint.
 */
public record Enrichment(List<String> keywords, String excerpt, long simhash) {

    public static final int MAX_KEYWORDS = 8;

    public static Enrichment of(String title, String bodyText) {
        return new Enrichment(Keywords.of(title, bodyText, MAX_KEYWORDS), Excerpt.of(bodyText), SimHash.of(bodyText));
    }
}
