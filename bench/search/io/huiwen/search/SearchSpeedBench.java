package io.huiwen.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Search speed at scale (run by bench/search-speed.sh, not part of the product): builds an index of
 * synthetic articles through {@link LuceneSearchIndex}, then runs the same queries through the
 * product's search and through a bare {@link IndexSearcher} on the same index, alternating which
 * goes first, and prints p50/p99 of both.
 *   args: ARTICLES [INDEX_DIR] [QUERIES]
 */
public final class SearchSpeedBench {

    private static final long SEED = 20260611L;

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("huiwen-search-speed");
        int queryCount = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        HeapWatch heap = new HeapWatch();

        SyntheticNews news = new SyntheticNews(Path.of("src/main/resources/demo/articles"), SEED);
        System.out.printf("demo vocabulary: %d words, %d word tokens; index in %s; load %s%n",
                news.vocabularySize(), news.corpusWords(), dir, load());
        AnalysisCost.print(news, (int) Math.min(n, 5000));
        AnalysisCost.printLuceneShare(news, (int) Math.min(n, 20_000));

        long[] generation = {0};
        long start = System.nanoTime();
        LuceneSearchIndex index = new LuceneSearchIndex(dir);
        index.rebuild(withProgress(news.batches(n, 1000, generation), n, start, generation));
        double buildS = (System.nanoTime() - start - generation[0]) / 1e9;
        long closing = System.nanoTime();
        index.close(); // waits for background merges: the index the queries see is settled
        double closeS = (System.nanoTime() - closing) / 1e9;
        double rate = n / buildS;
        System.out.printf("BUILD articles=%d rebuild=%.1f s (generation %.1f s left out) -> %.0f articles/s; then close/merges %.1f s -> %.0f articles/s overall; index %d MB; heap peak %d MB (after GC %d MB, max %d MB); load %s%n",
                n, buildS, generation[0] / 1e9, rate, closeS, n / (buildS + closeS), sizeMb(dir),
                heap.peakUsedMb(), heap.peakAfterGcMb(), HeapWatch.maxMb(), load());
        queries(news, dir, n, queryCount, rate, heap);
    }

    private static void queries(SyntheticNews news, Path dir, long n, int count, double buildRate, HeapWatch heap) throws IOException {
        List<BenchQuery> queries = BenchQuery.make(news, count, SEED + 1);
        Analyzer queryAnalyzer = ChineseAnalyzer.forQuery();
        try (LuceneSearchIndex ours = new LuceneSearchIndex(dir);
             DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher bare = new IndexSearcher(reader);
            System.out.printf("segments: %d, docs: %d; queries: %d, e.g. %s | %s | %s%n", reader.leaves().size(), reader.numDocs(),
                    queries.size(), queries.get(0).text(), queries.get(1).text(), queries.get(2).text());
            long[] oursNanos = new long[queries.size()];
            long[] bareNanos = new long[queries.size()];
            long oursHits = 0, bareHits = 0, empty = 0;
            for (int pass = 0; pass < 2; pass++) { // pass 0 warms up both
                for (int i = 0; i < queries.size(); i++) {
                    BenchQuery q = queries.get(i);
                    boolean oursFirst = (i + pass) % 2 == 0;
                    long a = 0, b = 0;
                    int hitsA = 0, hitsB = 0;
                    for (int side = 0; side < 2; side++) {
                        if ((side == 0) == oursFirst) {
                            long t = System.nanoTime();
                            hitsA = ours.search(SearchRequest.of(q.text(), 1)).hits().size();
                            a = System.nanoTime() - t;
                        } else {
                            long t = System.nanoTime();
                            hitsB = bareSearch(bare, q.bare(queryAnalyzer));
                            b = System.nanoTime() - t;
                        }
                    }
                    if (pass == 1) {
                        oursNanos[i] = a;
                        bareNanos[i] = b;
                        oursHits += hitsA;
                        bareHits += hitsB;
                        empty += hitsA == 0 ? 1 : 0;
                    }
                }
            }
            System.out.printf("hits per query: ours %.2f (one per story), bare %.2f; queries with no hit: %d%n",
                    oursHits / (double) queries.size(), bareHits / (double) queries.size(), empty);

            double oursP50 = pct(oursNanos, 0.5), bareP50 = pct(bareNanos, 0.5);
            System.out.printf("SUMMARY articles=%d build=%.0f/s heap_peak=%dMB heap_after_gc_peak=%dMB ours_p50=%.2fms p99=%.2fms bare_p50=%.2fms p99=%.2fms ratio_p50=%.2fx load=%s%n",
                    n, buildRate, heap.peakUsedMb(), heap.peakAfterGcMb(), oursP50, pct(oursNanos, 0.99), bareP50, pct(bareNanos, 0.99),
                    oursP50 / bareP50, load());
        }
    }

    /** Top 10, then the stored title of each hit: what a minimal result list needs. */
    private static int bareSearch(IndexSearcher searcher, Query query) throws IOException {
        TopDocs top = searcher.search(query, 10);
        int n = 0;
        for (ScoreDoc sd : top.scoreDocs) {
            n += searcher.storedFields().document(sd.doc, Set.of(LuceneSearchIndex.TITLE)).get(LuceneSearchIndex.TITLE) != null ? 1 : 0;
        }
        return n;
    }

    private static double pct(long[] nanos, double p) {
        long[] v = nanos.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) (v.length * p))] / 1e6;
    }

    private static Iterable<List<IndexedArticle>> withProgress(Iterable<List<IndexedArticle>> batches, long n, long start, long[] generation) {
        long step = Math.max(100_000, n / 10);
        return () -> new Iterator<>() {
            final Iterator<List<IndexedArticle>> it = batches.iterator();
            long done;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<IndexedArticle> next() {
                if (done > 0 && done % step == 0) { // the batch before this one has been indexed
                    double s = (System.nanoTime() - start - generation[0]) / 1e9;
                    System.out.printf("  indexed %,d in %.0f s: %.0f articles/s, load %s%n", done, s, done / s, load());
                }
                List<IndexedArticle> batch = it.next();
                done += batch.size();
                return batch;
            }
        };
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long sizeMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum() >> 20;
        }
    }
}
