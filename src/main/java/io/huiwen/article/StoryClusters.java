package io.huiwen.article;

import io.huiwen.text.SimHash;
import io.huiwen.text.StoryMatch;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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

    /** The story of the nearest stored article that tells the same story as this body, if any. */
    Optional<Long> storyOf(long simhash, String text) {
        record Candidate(long id, long simhash, Long storyId) {}
        Map<Long, Candidate> candidates = new HashMap<>();
        for (int b = 0; b < 4; b++) {
            jdbc.sql(storyCandidates(b)).params(storyCandidateBand(simhash, b))
                    .query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class)))
                    .list().stream()
                    .filter(c -> SimHash.distance(c.simhash(), simhash) <= CANDIDATE_DISTANCE)
                    .forEach(c -> candidates.put(c.id(), c));
        }
        Supplier<Set<String>> ours = memo(() -> StoryMatch.words(text));
        return candidates.values().stream()
                .sorted(Comparator.comparingInt((Candidate c) -> SimHash.distance(c.simhash(), simhash)).thenComparingLong(Candidate::id))
                .filter(c -> StoryMatch.sameStory(simhash, c.simhash(), ours, () -> StoryMatch.words(bodyText(c.id()))))
                .findFirst()
                .map(c -> c.storyId() == null ? c.id() : c.storyId());
    }

    private String bodyText(long id) {
        return jdbc.sql("SELECT body_text FROM article WHERE id = ?").param(id).query(String.class).single();
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        Object[] value = {null};
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            @SuppressWarnings("unchecked") T t = (T) value[0];
            return t;
        };
    }
}
