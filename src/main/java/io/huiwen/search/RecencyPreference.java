package io.huiwen.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Re-ranks similar articles so that recent ones are preferred: the similarity score is halved
 * for every {@link #HALF_LIFE} of age. One article per story. Both index adapters rank with it.
 */
final class RecencyPreference {

    static final Duration HALF_LIFE = Duration.ofDays(30);

    /** A similar article as the index scored it; {@code time} in epoch millis. */
    record Candidate(long id, long story, double score, long time) {}

    private RecencyPreference() {}

    /** @param now epoch millis to measure the articles' age from */
    static List<Long> rank(List<Candidate> candidates, int max, long now) {
        record Scored(long id, long story, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates) {
            double ageDays = Math.max(0, now - c.time()) / 86_400_000.0;
            scored.add(new Scored(c.id(), c.story(), c.score() * Math.pow(0.5, ageDays / HALF_LIFE.toDays())));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        Set<Long> stories = new HashSet<>();
        return scored.stream().filter(s -> stories.add(s.story())).limit(max).map(Scored::id).toList();
    }

    /** The Lucene hits as candidates: id and story from stored fields, time from doc values. */
    static List<Long> rank(IndexSearcher searcher, ScoreDoc[] docs, int max, long now) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        for (ScoreDoc sd : docs) {
            var doc = searcher.storedFields().document(sd.doc, Set.of(LuceneSearchIndex.ID, LuceneSearchIndex.STORY));
            candidates.add(new Candidate(Long.parseLong(doc.get(LuceneSearchIndex.ID)), Long.parseLong(doc.get(LuceneSearchIndex.STORY)),
                    sd.score, time(searcher, sd.doc)));
        }
        return rank(candidates, max, now);
    }

    private static long time(IndexSearcher searcher, int doc) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(LuceneSearchIndex.TIME);
        return values != null && values.advanceExact(doc - leaf.docBase) ? values.longValue() : 0;
    }
}
