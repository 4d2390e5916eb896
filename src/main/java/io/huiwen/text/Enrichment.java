package io.huiwen.text;

import java.util.List;
import java.util.Set;

/**
 * What the text stage adds to an article: tags, the list excerpt, the story fingerprint and the
 * body's content words (to confirm a story match, see StoryMatch). The body is simplified and
 * segmented once for tags, fingerprint and words alike.
 */
public record Enrichment(List<String> keywords, String excerpt, long simhash, Set<String> storyWords) {

    public static final int MAX_KEYWORDS = 8;

    public static Enrichment of(String title, String bodyText) {
        String body = Folding.simplified(bodyText == null ? "" : bodyText);
        List<Segmenter.Word> words = Segmenter.get().words(body);
        return new Enrichment(Keywords.of(title, body, words, MAX_KEYWORDS), Excerpt.of(bodyText), SimHash.of(words),
                StoryMatch.words(words));
    }
}
