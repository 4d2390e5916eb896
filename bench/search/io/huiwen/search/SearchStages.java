package io.huiwen.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Where the time of one product search goes (bench only): the steps of
 * {@link LuceneSearchIndex#search} done one by one on the same index, each timed, plus probes
 * that split the snippet step (stored fields, re-analysis of the hit texts with HanLP).
 */
final class SearchStages {

    private final IndexSearcher searcher;
    private final Analyzer queryAnalyzer = ChineseAnalyzer.forQuery();
    private final Map<String, long[]> nanos = new LinkedHashMap<>();
    private int runs;
    private long hitsTotal, storyHits, pageHits, pageChars, matches;

    SearchStages(IndexSearcher searcher, int queries) {
        this.searcher = searcher;
        for (String stage : List.of("parse", "search top60", "onePerStory (60 x stored STORY)", "snippets (UnifiedHighlighter, 10 hits)",
                "  probe: stored id+title+body of 10 hits", "  probe: HanLP re-analysis of 10 titles+bodies", "  probe: indexOf of the query terms in them", "bare: search top10", "bare: stored title of 10 hits")) {
            nanos.put(stage, new long[queries]);
        }
    }

    void run(int i, String text, Query bare, List<String> terms) throws IOException {
        long t0 = System.nanoTime();
        Query parsed = new ReaderQuery(queryAnalyzer).parse(text);
        Query query = new BooleanQuery.Builder().add(parsed, Occur.MUST).build(); // as withFilters with no filter
        long t1 = System.nanoTime();
        TopDocs top = searcher.search(query, 60);
        long t2 = System.nanoTime();
        Set<String> stories = new HashSet<>();
        List<ScoreDoc> one = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            if (stories.add(searcher.storedFields().document(sd.doc, Set.of(LuceneSearchIndex.STORY)).get(LuceneSearchIndex.STORY))) {
                one.add(sd);
            }
        }
        List<ScoreDoc> page = one.subList(0, Math.min(10, one.size()));
        long t3 = System.nanoTime();
        new Snippets(searcher, queryAnalyzer).hits(parsed, page);
        long t4 = System.nanoTime();
        List<String> texts = new ArrayList<>();
        for (ScoreDoc sd : page) {
            var d = searcher.storedFields().document(sd.doc, Set.of(LuceneSearchIndex.ID, LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY));
            texts.add(d.get(LuceneSearchIndex.TITLE));
            texts.add(d.get(LuceneSearchIndex.BODY));
        }
        long t5 = System.nanoTime();
        for (String s : texts) {
            try (TokenStream ts = queryAnalyzer.tokenStream(LuceneSearchIndex.BODY, s)) {
                ts.reset();
                while (ts.incrementToken()) {
                    // consume
                }
                ts.end();
            }
            pageChars += s.length();
        }
        long t6 = System.nanoTime();
        for (String s : texts) {
            for (String term : terms) {
                for (int at = s.indexOf(term); at >= 0; at = s.indexOf(term, at + term.length())) {
                    matches++;
                }
            }
        }
        long t6b = System.nanoTime();
        TopDocs bareTop = searcher.search(bare, 10);
        long t7 = System.nanoTime();
        for (ScoreDoc sd : bareTop.scoreDocs) {
            searcher.storedFields().document(sd.doc, Set.of(LuceneSearchIndex.TITLE)).get(LuceneSearchIndex.TITLE);
        }
        long t8 = System.nanoTime();
        long[] ts = {t0, t1, t2, t3, t4, t5, t6, t6b, t7, t8};
        int s = 0;
        for (long[] stage : nanos.values()) {
            stage[i] = ts[s + 1] - ts[s];
            s++;
        }
        runs = i + 1;
        hitsTotal += top.totalHits.value;
        storyHits += one.size();
        pageHits += page.size();
    }

    void print() {
        System.out.printf("stages of our search, %d queries (mean / p50 / p99 ms):%n", runs);
        for (var e : nanos.entrySet()) {
            long[] v = Arrays.copyOf(e.getValue(), runs);
            double mean = Arrays.stream(v).average().orElse(0) / 1e6;
            Arrays.sort(v);
            System.out.printf("  %-48s %8.3f %8.3f %8.3f%n", e.getKey(), mean, v[runs / 2] / 1e6, v[(int) (runs * 0.99)] / 1e6);
        }
        System.out.printf("  mean totalHits=%d  distinct stories in top 60=%.1f  page hits=%.1f  chars re-analysed per page=%d  term matches per page=%.1f%n",
                hitsTotal / runs, storyHits / (double) runs, pageHits / (double) runs, pageChars / runs, matches / (double) runs);
    }
}
