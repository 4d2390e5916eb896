package io.huiwen.article;

import io.huiwen.text.SimHash;
import io.huiwen.text.StoryMatch;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the story a new article tells among the stored ones: candidates share at least one
 * 16-bit band of the fingerprint (an indexed lookup, no scan); see StoryMatch for "the same".
 */
@Repository
public class StoryClusters {

    /** Farthest fingerprint the band queries are sure to find. */
    public static final int CANDIDATE_DISTANCE = 7;

    /**
     * Articles whose fingerprint's band {@code b} is equal to, or one bit away from, the given
     * one's (parameters: {@link #storyCandidateBand}). Seven differing bits cannot spread over four
     * bands without leaving one band at most one bit off, so the four band queries together find
     * every article within 7 bits, by indexed equality lookups only. One query per band: a UNION
     * of the four made H2 sort and merge every row and took 3.5–5.7 ms among a million
     * fingerprints, the four plain lookups ~0.6 ms (bench/dedup.sh).
     */
    public static String storyCandidates(int b) {
        return "SELECT id, simhash, story_id FROM article WHERE band" + b + " IN (" + String.join(", ", Collections.nCopies(17, "?")) + ")";
    }

    /** The 17 parameters of {@link #storyCandidates}: band {@code b}, then it with each of its 16 bits flipped. */
    public static Object[] storyCandidateBand(long simhash, int b) {
        Object[] params = new Object[17];
        int band = SimHash.band(simhash, b);
        params[0] = band;
        for (int bit = 0; bit < 16; bit++) {
            params[1 + bit] = band ^ (1 << bit);
        }
        return params;
    }

    private final JdbcClient jdbc;

    StoryClusters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Content words of recently stored articles, by id, each with the fingerprint it was stored
     * with: confirming a candidate otherwise means reading its body and segmenting it again, for
     * every new article near it. A body changed since (re-extracted, on any node) has another
     * fingerprint and is read again; ids are never reused, so nothing else goes stale.
     */
    static final int REMEMBERED = 4096;

    private record Remembered(long simhash, Set<String> words) {}

    private final Map<Long, Remembered> remembered = new LinkedHashMap<>(REMEMBERED * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Remembered> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * The story of the nearest stored article that tells the same story as the body with this
     * fingerprint and these content words ({@link StoryMatch#words}), if any.
     */
    Optional<Long> storyOf(long simhash, Set<String> words) {
        record Candidate(long id, long simhash, Long storyId) {}
        Map<Long, Candidate> candidates = new HashMap<>();
        for (int b = 0; b < 4; b++) {
            jdbc.sql(storyCandidates(b)).params(storyCandidateBand(simhash, b))
                    .query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class)))
                    .list().stream()
                    .filter(c -> SimHash.distance(c.simhash(), simhash) <= CANDIDATE_DISTANCE)
                    .forEach(c -> candidates.put(c.id(), c));
        }
        return candidates.values().stream()
                .sorted(Comparator.comparingInt((Candidate c) -> SimHash.distance(c.simhash(), simhash)).thenComparingLong(Candidate::id))
                .filter(c -> StoryMatch.sameStory(simhash, c.simhash(), () -> words, () -> wordsOf(c.id(), c.simhash())))
                .findFirst()
                .map(c -> c.storyId() == null ? c.id() : c.storyId());
    }

    /** Keeps a stored article's content words for the next new articles near it. */
    void remember(long id, long simhash, Set<String> words) {
        synchronized (remembered) {
            remembered.put(id, new Remembered(simhash, words));
        }
    }

    private Set<String> wordsOf(long id, long simhash) {
        Remembered r;
        synchronized (remembered) {
            r = remembered.get(id);
        }
        if (r != null && r.simhash() == simhash) {
            return r.words();
        }
        Set<String> words = StoryMatch.words(bodyText(id));
        remember(id, simhash, words);
        return words;
    }

    private String bodyText(long id) {
        return jdbc.sql("SELECT body_text FROM article WHERE id = ?").param(id).query(String.class).single();
    }
}
