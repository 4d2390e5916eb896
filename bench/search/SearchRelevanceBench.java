import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexedArticle;
import io.huiwen.search.LuceneSearchIndex;
import io.huiwen.search.SearchRequest;
import io.huiwen.search.SearchResults;
import io.huiwen.text.Enrichment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Search relevance on judged queries (run by bench/search-relevance.sh, not part of the product).
 * Indexes the demo articles and the bench's own articles (bench/search/extra.tsv) with the product's
 * LuceneSearchIndex, runs each query of bench/search/judged.tsv as a reader would (one result per
 * story) and prints each miss, recall@5 and MRR per kind of query, and one SUMMARY line.
 */
public class SearchRelevanceBench {

    /** Demo reposts (31–39) belong to the story of the article they repost. */
    static final Map<String, String> REPOST_OF = Map.of("31", "02", "32", "02", "33", "06", "34", "12", "35", "12",
            "36", "17", "37", "21", "38", "21", "39", "27");

    public static void main(String[] args) throws Exception {
        Path demo = Path.of(args[0]), bench = Path.of(args[1]);
        Path dir = Files.createTempDirectory("huiwen-relevance-");
        Map<Long, String> keyOf = new HashMap<>();
        try (LuceneSearchIndex index = new LuceneSearchIndex(dir)) {
            index.upsert(articles(demo, bench, keyOf));
            run(index, bench.resolve("judged.tsv"), keyOf);
        }
    }

    static List<IndexedArticle> articles(Path demo, Path bench, Map<Long, String> keyOf) throws Exception {
        ArticleExtractor extractor = new ArticleExtractor();
        Map<String, Long> storyOf = new HashMap<>();
        List<IndexedArticle> out = new ArrayList<>();
        long id = 0;
        for (Path file : Files.list(demo).sorted().toList()) {
            String n = file.getFileName().toString().substring(0, 2);
            ExtractedArticle a = extractor.extract(Files.readAllBytes(file), file.toString(), null, null, null);
            String story = REPOST_OF.getOrDefault(n, n);
            keyOf.put(++id, story);
            long storyId = storyOf.computeIfAbsent(story, k -> (long) storyOf.size() + 1);
            out.add(new IndexedArticle(id, a.title(), a.text(), Enrichment.of(a.title(), a.text()).keywords(), a.source(), null,
                    a.publishTime() != null ? a.publishTime() : OffsetDateTime.now(), storyId, null));
        }
        for (String line : Files.readAllLines(bench.resolve("extra.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            keyOf.put(++id, f[0]);
            long storyId = storyOf.computeIfAbsent(f[0], k -> (long) storyOf.size() + 1);
            out.add(new IndexedArticle(id, f[1], f[4], Enrichment.of(f[1], f[4]).keywords(), f[2], null, OffsetDateTime.now(), storyId, f[3]));
        }
        return out;
    }

    static void run(LuceneSearchIndex index, Path judged, Map<Long, String> keyOf) throws Exception {
        Map<String, double[]> byKind = new java.util.TreeMap<>(); // kind → {queries, recall, reciprocal rank}
        int queries = 0;
        double recall = 0, rr = 0;
        long nanos = 0;
        for (String line : Files.readAllLines(judged, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            List<String> relevant = List.of(f[2].split(","));
            long start = System.nanoTime();
            SearchResults r = index.search(new SearchRequest(f[0], null, null, null, null, null, 1, 5));
            nanos += System.nanoTime() - start;
            List<String> top = r.hits().stream().map(h -> keyOf.get(h.id())).toList();
            double found = relevant.stream().filter(top::contains).count();
            double q = found / relevant.size();
            int firstRank = 0;
            for (int i = 0; i < top.size() && firstRank == 0; i++) {
                if (relevant.contains(top.get(i))) {
                    firstRank = i + 1;
                }
            }
            double qrr = firstRank == 0 ? 0 : 1.0 / firstRank;
            if (q < 1) {
                System.out.printf("MISS  %-24s %-12s want %s, got %s%n", f[0], f[1], relevant, top);
            }
            queries++;
            recall += q;
            rr += qrr;
            double[] k = byKind.computeIfAbsent(f[1], x -> new double[3]);
            k[0]++;
            k[1] += q;
            k[2] += qrr;
        }
        byKind.forEach((kind, k) -> System.out.printf("%-12s queries=%2.0f recall@5=%.3f mrr=%.3f%n", kind, k[0], k[1] / k[0], k[2] / k[0]));
        System.out.printf("SUMMARY queries=%d recall@5=%.3f mrr=%.3f mean_ms=%.1f%n", queries, recall / queries, rr / queries,
                nanos / 1e6 / queries);
    }
}
