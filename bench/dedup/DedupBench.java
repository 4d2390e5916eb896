import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.text.SimHash;
import io.huiwen.text.StoryMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Story clustering quality and lookup speed (run by bench/dedup.sh, not part of the product).
 * Quality: the demo originals plus reposted variants of each (trimmed first or last paragraph,
 * a few characters in traditional script, an editor's note, a trailing boilerplate line), all
 * clustered by the product's rules (band candidates + StoryMatch) in arrival order; prints pair
 * precision and recall. Speed: 1,000,000 fingerprints in an H2 table with the product's band
 * indexes; prints the median and p99 of the product's candidate query.
 */
public class DedupBench {

    record Doc(int story, String text, long hash) {}

    public static void main(String[] args) throws Exception {
        List<Doc> docs = corpus(Path.of(args.length > 0 ? args[0] : "src/main/resources/demo/articles"));
        quality(docs);
        speed(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
    }

    static List<Doc> corpus(Path dir) throws Exception {
        ArticleExtractor extractor = new ArticleExtractor();
        List<Doc> docs = new ArrayList<>();
        Random random = new Random(7);
        int story = 0;
        for (Path file : Files.list(dir).sorted().toList()) {
            int n = Integer.parseInt(file.getFileName().toString().substring(0, 2));
            if (n > 30) {
                continue; // 31-39 are the demo's own reposts; variants are made here instead
            }
            ExtractedArticle a = extractor.extract(Files.readAllBytes(file), file.toString(), null, null, null);
            List<String> paragraphs = List.of(a.text().split("\n\n"));
            for (String variant : variants(paragraphs, random)) {
                docs.add(new Doc(story, variant, SimHash.of(variant)));
            }
            story++;
        }
        return docs;
    }

    static List<String> variants(List<String> p, Random random) {
        String all = String.join("\n\n", p);
        List<String> out = new ArrayList<>();
        out.add(all);
        out.add(String.join("\n\n", p.subList(1, p.size())));                 // first paragraph trimmed
        out.add(String.join("\n\n", p.subList(0, p.size() - 1)));             // last paragraph trimmed
        out.add(traditional(all, random));                                     // a few characters 繁体
        out.add("编者按：本文转载自合作媒体，内容有删改。\n\n" + all);              // editor's note
        out.add(all + "\n\n（责任编辑：王明）本文来源：合作媒体，转载请注明出处。");   // boilerplate line
        return out;
    }

    static String traditional(String text, Random random) {
        char[] chars = text.toCharArray();
        for (int i = 0, done = 0; i < chars.length && done < 12; i += 1 + random.nextInt(40)) {
            String t = com.hankcs.hanlp.HanLP.convertToTraditionalChinese(String.valueOf(chars[i]));
            if (t.length() == 1 && t.charAt(0) != chars[i]) {
                chars[i] = t.charAt(0);
                done++;
            }
        }
        return new String(chars);
    }

    static void quality(List<Doc> docs) {
        List<Map<Integer, List<Integer>>> bands = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            bands.add(new HashMap<>());
        }
        int[] cluster = new int[docs.size()];
        Map<Integer, Set<String>> words = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            Set<Integer> candidates = new HashSet<>();
            for (int b = 0; b < 4; b++) {
                for (Object probe : io.huiwen.article.StoryClusters.storyCandidateBand(d.hash(), b)) {
                    candidates.addAll(bands.get(b).getOrDefault((Integer) probe, List.of()));
                }
            }
            final int me = i;
            cluster[i] = candidates.stream()
                    .sorted((x, y) -> Integer.compare(SimHash.distance(docs.get(x).hash(), d.hash()), SimHash.distance(docs.get(y).hash(), d.hash())))
                    .filter(c -> StoryMatch.sameStory(d.hash(), docs.get(c).hash(),
                            () -> words.computeIfAbsent(me, k -> StoryMatch.words(d.text())),
                            () -> words.computeIfAbsent(c, k -> StoryMatch.words(docs.get(c).text()))))
                    .findFirst().map(c -> cluster[c]).orElse(i);
            for (int b = 0; b < 4; b++) {
                bands.get(b).computeIfAbsent(SimHash.band(d.hash(), b), k -> new ArrayList<>()).add(i);
            }
        }
        long tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                boolean truth = docs.get(i).story() == docs.get(j).story();
                boolean said = cluster[i] == cluster[j];
                tp += truth && said ? 1 : 0;
                fp += !truth && said ? 1 : 0;
                fn += truth && !said ? 1 : 0;
            }
        }
        int[] missed = new int[6];
        for (int i = 0; i < docs.size(); i++) {
            int original = i - i % 6;
            if (i % 6 != 0 && cluster[i] != cluster[original]) {
                missed[i % 6]++;
            }
        }
        System.out.println("variants not joined to their original (first paragraph cut, last cut, 繁体, editor's note, boilerplate): "
                + Arrays.toString(Arrays.copyOfRange(missed, 1, 6)));
        System.out.printf("DEDUP articles=%d stories=%d pairs: precision=%.3f recall=%.3f%n", docs.size(),
                docs.stream().mapToInt(Doc::story).distinct().count(), tp / (double) Math.max(1, tp + fp), tp / (double) Math.max(1, tp + fn));
    }

    static void speed(int n) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:dedup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
            c.createStatement().execute("CREATE TABLE article (id BIGINT PRIMARY KEY, simhash BIGINT, band0 INT, band1 INT, band2 INT, band3 INT, story_id BIGINT)");
            Random random = new Random(1);
            long[] sample = new long[1000];
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO article VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    long h = random.nextLong();
                    if (i % (n / sample.length) == 0) { // a near-duplicate to look up, 1 to 7 bits away
                        long near = h;
                        for (int k = 1 + random.nextInt(7); k > 0; k--) {
                            near ^= 1L << random.nextInt(64);
                        }
                        sample[i / (n / sample.length) - 1] = near;
                    }
                    ins.setLong(1, i);
                    ins.setLong(2, h);
                    for (int b = 0; b < 4; b++) {
                        ins.setInt(3 + b, SimHash.band(h, b));
                    }
                    ins.setLong(7, i);
                    ins.addBatch();
                    if (i % 10_000 == 0) {
                        ins.executeBatch();
                    }
                }
                ins.executeBatch();
            }
            for (int b = 0; b < 4; b++) {
                c.createStatement().execute("CREATE INDEX IF NOT EXISTS article_band" + b + "_lookup ON article (band" + b + ", simhash, id, story_id)"); // as in the V4 migration
            }
            long[] nanos = new long[sample.length];
            PreparedStatement[] q = new PreparedStatement[4];
            for (int b = 0; b < 4; b++) {
                q[b] = c.prepareStatement(io.huiwen.article.StoryClusters.storyCandidates(b));
            }
            for (int round = 0; round < 3; round++) { // the first rounds warm the JIT; the last is kept
                for (int i = 0; i < sample.length; i++) {
                    long start = System.nanoTime();
                    int found = 0;
                    for (int b = 0; b < 4; b++) {
                        Object[] params = io.huiwen.article.StoryClusters.storyCandidateBand(sample[i], b);
                        for (int p = 0; p < params.length; p++) {
                            q[b].setInt(1 + p, (Integer) params[p]);
                        }
                        try (ResultSet rs = q[b].executeQuery()) {
                            while (rs.next()) {
                                found += SimHash.distance(rs.getLong(2), sample[i]) <= io.huiwen.article.StoryClusters.CANDIDATE_DISTANCE ? 1 : 0;
                            }
                        }
                    }
                    nanos[i] = System.nanoTime() - start;
                    if (found == 0) {
                        throw new IllegalStateException("near-duplicate not found");
                    }
                }
            }
            Arrays.sort(nanos);
            System.out.printf("LOOKUP fingerprints=%d lookups=%d median=%.3f ms p99=%.3f ms%n", n, sample.length,
                    nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6);
        }
    }
}
