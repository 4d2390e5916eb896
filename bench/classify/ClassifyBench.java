import com.hankcs.hanlp.classification.classifiers.NaiveBayesClassifier;
import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.text.CategoryClassifier;
import io.huiwen.text.CategoryLexicon;
import io.huiwen.text.CategoryClassifier.Example;
import io.huiwen.text.CategoryClassifier.Prediction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Category classifier quality and cost (run by bench/classify.sh, not part of the product).
 * Corpus: the demo pages (category from their breadcrumb, read by the product's extractor) plus
 * bench/classify/corpus/<slug>/*.txt (first line title, rest body). Shuffled with a fixed seed;
 * fold = position mod 5, except that a demo repost (…-zhuanzai…) goes to its original's fold, so
 * a copy is never tested against its own original. Fold 4 is the held-back fifth; all five folds
 * give the cross-validated figures and the threshold table.
 */
public class ClassifyBench {

    record Doc(String name, String title, String body, String category) {}

    static final Map<String, String> SLUGS = Map.of("财经", "caijing", "科技", "keji", "社会", "shehui",
            "国际", "guoji", "体育", "tiyu", "文化", "wenhua");

    public static void main(String[] args) throws Exception {
        List<Doc> docs = new ArrayList<>(demo(Path.of(args[0])));
        docs.addAll(written(Path.of(args[1])));
        Collections.shuffle(docs, new Random(20261121L));
        int[] fold = folds(docs);

        // held-back fifth, default threshold
        List<Example> train = new ArrayList<>();
        List<Doc> test = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (fold[i] == 4) {
                test.add(docs.get(i));
            } else {
                train.add(example(docs.get(i)));
            }
        }
        CategoryClassifier classifier = CategoryClassifier.train(train);
        int right = 0, sure = 0, sureRight = 0;
        for (Doc d : test) {
            Prediction p = classifier.predict(d.title(), d.body());
            right += d.category().equals(p.category()) ? 1 : 0;
            if (p.isSure()) {
                sure++;
                sureRight += d.category().equals(p.category()) ? 1 : 0;
            } else {
                System.out.printf("  review: %-8s guessed %-8s %.2f  %s%n", d.category(), p.category(), p.confidence(), d.title());
            }
        }
        System.out.printf("HanLP NaiveBayesClassifier on the same split: accuracy=%.3f%n", hanlpAccuracy(train, test));

        // 5-fold cross-validation; trained with a vanishing threshold so that the table below can apply its own
        List<double[]> cv = new ArrayList<>(); // {confidence, right?, sure apart from the threshold?}
        for (int f = 0; f < 5; f++) {
            List<Example> rest = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (fold[i] != f) {
                    rest.add(example(docs.get(i)));
                }
            }
            CategoryClassifier c = CategoryClassifier.train(rest, 1e-9);
            for (int i = 0; i < docs.size(); i++) {
                if (fold[i] == f) {
                    Prediction p = c.predict(docs.get(i).title(), docs.get(i).body());
                    cv.add(new double[] {p.confidence(), docs.get(i).category().equals(p.category()) ? 1 : 0, p.isSure() ? 1 : 0});
                }
            }
        }
        thresholdTable(cv);
        calibration(cv);
        double cvAccuracy = cv.stream().mapToDouble(r -> r[1]).average().orElse(0);
        if (!Boolean.getBoolean("skipCost")) {
            cost(docs);
        }

        lexicon(docs);

        System.out.printf("SUMMARY n=%d heldout=%d accuracy=%.2f sure_share=%.2f sure_accuracy=%.2f cv5_accuracy=%.2f threshold=%.2f%n",
                docs.size(), test.size(), right / (double) test.size(), sure / (double) test.size(),
                sureRight / (double) Math.max(1, sure), cvAccuracy, classifier.threshold());
    }

    /** The shipped section lexicons (the portal's starting point) on every document: nothing to train, so no folds. */
    static void lexicon(List<Doc> docs) {
        CategoryLexicon lexicon = CategoryLexicon.shipped();
        int sure = 0, sureRight = 0, lean = 0, leanRight = 0;
        for (Doc d : docs) {
            CategoryLexicon.Reading r = lexicon.read(d.title(), d.body());
            boolean right = d.category().equals(r.category());
            if (r.strength() == CategoryLexicon.Strength.SURE) {
                sure++;
                sureRight += right ? 1 : 0;
                if (!right) {
                    System.out.printf("  lexicon sure, wrong: %-8s read %-8s %.2f  %s%n", d.category(), r.category(), r.share(), d.title());
                }
            } else if (r.strength() == CategoryLexicon.Strength.LEAN) {
                lean++;
                leanRight += right ? 1 : 0;
            }
        }
        System.out.printf("LEXICON n=%d sure=%d (right %d) lean=%d (right %d) none=%d%n", docs.size(), sure, sureRight, lean, leanRight,
                docs.size() - sure - lean);
    }

    static Example example(Doc d) {
        return new Example(d.title(), d.body(), d.category());
    }

    static List<Doc> demo(Path dir) throws Exception {
        ArticleExtractor extractor = new ArticleExtractor();
        List<Doc> out = new ArrayList<>();
        for (Path file : Files.list(dir).sorted().toList()) {
            ExtractedArticle a = extractor.extract(Files.readAllBytes(file), file.toString(), null, null, null);
            String slug = a.breadcrumb().stream().map(SLUGS::get).filter(s -> s != null).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no category in the breadcrumb of " + file));
            out.add(new Doc(file.getFileName().toString(), a.title(), a.text(), slug));
        }
        return out;
    }

    static List<Doc> written(Path dir) throws Exception {
        List<Doc> out = new ArrayList<>();
        for (Path catDir : Files.list(dir).sorted().toList()) {
            for (Path file : Files.list(catDir).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                out.add(new Doc(catDir.getFileName() + "/" + file.getFileName(), text.substring(0, nl).strip(),
                        text.substring(nl + 1).strip(), catDir.getFileName().toString()));
            }
        }
        return out;
    }

    /** Position mod 5; a demo repost joins the fold of the original whose name it extends. */
    static int[] folds(List<Doc> docs) {
        int[] fold = new int[docs.size()];
        Map<String, Integer> byStem = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            fold[i] = i % 5;
        }
        for (int i = 0; i < docs.size(); i++) {
            String name = docs.get(i).name();
            if (name.contains("zhuanzai")) {
                String stem = name.substring(3, name.indexOf("-zhuanzai"));
                for (int j = 0; j < docs.size(); j++) {
                    String other = docs.get(j).name();
                    if (!other.contains("zhuanzai") && other.length() > 3 && other.substring(3).startsWith(stem)) {
                        fold[i] = fold[j];
                        byStem.put(stem, j);
                    }
                }
            }
        }
        if (byStem.size() < 6) {
            throw new IllegalStateException("reposts not matched to their originals: " + byStem.keySet());
        }
        return fold;
    }

    static void thresholdTable(List<double[]> cv) {
        System.out.println("cv5 by threshold: threshold  sure_share  sure_accuracy");
        for (double t = 0.50; t < 0.991; t += 0.05) {
            int sure = 0, right = 0;
            for (double[] r : cv) {
                if (r[2] == 1 && r[0] >= t) {
                    sure++;
                    right += (int) r[1];
                }
            }
            System.out.printf("                  %.2f       %.2f        %.3f%n", t, sure / (double) cv.size(), right / (double) Math.max(1, sure));
        }
    }

    /** Mean confidence against accuracy in confidence bands: close figures mean the confidence can be read as a probability. */
    static void calibration(List<double[]> cv) {
        Map<String, double[]> bins = new LinkedHashMap<>();
        double[] edges = {0, 0.5, 0.7, 0.85, 0.95, 1.01};
        for (int b = 0; b < edges.length - 1; b++) {
            bins.put(String.format("[%.2f,%.2f)", edges[b], Math.min(1, edges[b + 1])), new double[3]);
        }
        for (double[] r : cv) {
            int b = 0;
            while (r[0] >= edges[b + 1]) {
                b++;
            }
            double[] bin = bins.get(bins.keySet().toArray(String[]::new)[b]);
            bin[0]++;
            bin[1] += r[0];
            bin[2] += r[1];
        }
        System.out.println("cv5 calibration: band  n  mean_confidence  accuracy");
        bins.forEach((band, b) -> System.out.printf("  %s  %3d  %.2f  %.2f%n", band, (int) b[0], b[1] / Math.max(1, b[0]), b[2] / Math.max(1, b[0])));
    }

    /** Training on 10,000 articles (the demo-length ones repeated) and the mean time of one prediction. */
    static void cost(List<Doc> docs) {
        List<Doc> longOnes = docs.stream().filter(d -> d.body().length() > 600).toList();
        List<Example> many = new ArrayList<>();
        long chars = 0;
        for (int i = 0; many.size() < 10_000; i++) {
            Doc d = longOnes.get(i % longOnes.size());
            many.add(example(d));
            chars += d.title().length() + Math.min(d.body().length(), 1500);
        }
        CategoryClassifier.train(many.subList(0, 500)); // load HanLP's dictionaries, warm the JIT
        long start = System.nanoTime();
        CategoryClassifier big = CategoryClassifier.train(many);
        long trainMs = (System.nanoTime() - start) / 1_000_000;
        for (int i = 0; i < 2000; i++) {
            big.predict(longOnes.get(i % longOnes.size()).title(), longOnes.get(i % longOnes.size()).body());
        }
        int rounds = 5000;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            Doc d = longOnes.get(i % longOnes.size());
            big.predict(d.title(), d.body());
        }
        double predictMs = (System.nanoTime() - start) / 1e6 / rounds;
        double meanChars = longOnes.stream().mapToInt(d -> d.body().length()).average().orElse(0);
        System.out.printf("COST train 10000 articles (%d chars read) in %d ms; predict %.3f ms per article (mean body %.0f chars)%n",
                chars, trainMs, predictMs, meanChars);
    }

    static double hanlpAccuracy(List<Example> train, List<Doc> test) throws Exception {
        Map<String, List<String>> byCategory = new HashMap<>();
        for (Example e : train) {
            byCategory.computeIfAbsent(e.category(), k -> new ArrayList<>()).add(e.title() + "\n" + e.body());
        }
        Map<String, String[]> data = new HashMap<>();
        byCategory.forEach((k, v) -> data.put(k, v.toArray(String[]::new)));
        NaiveBayesClassifier hanlp = new NaiveBayesClassifier();
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())); // it reports progress on stdout
        try {
            hanlp.train(data);
        } finally {
            System.setOut(out);
        }
        int right = 0;
        for (Doc d : test) {
            right += d.category().equals(hanlp.classify(d.title() + "\n" + d.body())) ? 1 : 0;
        }
        return right / (double) test.size();
    }
}
