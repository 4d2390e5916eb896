package io.huiwen.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which section (category slug) an article belongs to, learnt from articles already categorised:
 * multinomial naive Bayes with Laplace smoothing over the nouns, verbs and names of two or more
 * characters (title words count {@value #TITLE_WEIGHT} times, 繁體 folded to simplified). Words come
 * from {@link Segmenter#dictionaryWords}: ten times faster than the Viterbi segment, and on the
 * bench within noise of it (cv5 0.92 against 0.94 on 190 articles). HanLP's own
 * NaiveBayesClassifier scored 0.86 on the same split: its chi-square feature selection keeps one
 * word in seven of a small corpus, it has no title weight, and it logs to stdout.
 *
 * <p>Naive Bayes multiplies word probabilities as if words were independent, so a long article
 * gets a posterior of 0.9999 whether it is right or not. The log-likelihood is therefore scaled
 * down to at most {@value #EFFECTIVE_WORDS} words of evidence before normalising, which brings
 * {@link Prediction#confidence()} close to the accuracy measured by bench/classify.sh.
 *
 * <p>Immutable once trained (train a new one when the corpus grows); safe to share between
 * threads. No I/O.
 */
public final class CategoryClassifier {

    /** Confidence from which a prediction is sure; tuned by bench/classify.sh to keep sure predictions ≥ 95 % right. */
    public static final double DEFAULT_THRESHOLD = 0.80;
    /** A category learnt from fewer examples than this is never a sure answer. */
    public static final int MIN_EXAMPLES = 3;
    /**
     * Share of an article's words the corpus has seen below which it is about none of our
     * sections (measured: articles of our sections 0.54–0.76 at the 5th–50th percentile with 151
     * training articles, texts on a comet, a recipe, a cat 0.11–0.39).
     */
    public static final double MIN_COVERAGE = 0.4;
    /** Fewer known words than this and the text has too little in common with the training set. */
    static final int MIN_KNOWN_WORDS = 3;
    static final int TITLE_WEIGHT = 3;
    static final int EFFECTIVE_WORDS = 10;
    /** The lead says which section an article belongs to; reading further costs time and adds little. */
    static final int BODY_CHARS = 1500;
    private static final double ALPHA = 1.0; // Laplace

    /** An article with a known category, to learn from. */
    public record Example(String title, String body, String category) {
        public Example {
            Objects.requireNonNull(category, "category");
        }
    }

    /**
     * The best category (null only when nothing was learnt), its posterior probability, its lead
     * over the runner-up, the share of the text's words the corpus has seen, and whether it may be
     * used without an editor looking at it.
     */
    public record Prediction(String category, double confidence, double margin, double coverage, boolean isSure) {}

    private final String[] categories;          // sorted, so that ties and output are deterministic
    private final int[] examples;
    private final double[] logPrior;
    private final Map<String, double[]> logLikelihood; // word -> log P(word | category), per category
    private final double threshold;

    private CategoryClassifier(String[] categories, int[] examples, double[] logPrior,
                               Map<String, double[]> logLikelihood, double threshold) {
        this.categories = categories;
        this.examples = examples;
        this.logPrior = logPrior;
        this.logLikelihood = logLikelihood;
        this.threshold = threshold;
    }

    public static CategoryClassifier train(Collection<Example> examples) {
        return train(examples, DEFAULT_THRESHOLD);
    }

    public static CategoryClassifier train(Collection<Example> examples, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
        Map<String, List<Map<String, Integer>>> byCategory = new TreeMap<>();
        for (Example e : examples) {
            byCategory.computeIfAbsent(e.category(), k -> new ArrayList<>()).add(features(e.title(), e.body()));
        }
        String[] cats = byCategory.keySet().toArray(String[]::new);
        int k = cats.length;
        int[] docs = new int[k];
        long[] totals = new long[k];
        Map<String, long[]> counts = new HashMap<>();
        for (int c = 0; c < k; c++) {
            docs[c] = byCategory.get(cats[c]).size();
            for (Map<String, Integer> bag : byCategory.get(cats[c])) {
                for (Map.Entry<String, Integer> w : bag.entrySet()) {
                    counts.computeIfAbsent(w.getKey(), x -> new long[k])[c] += w.getValue();
                    totals[c] += w.getValue();
                }
            }
        }
        double[] prior = new double[k];
        for (int c = 0; c < k; c++) {
            prior[c] = Math.log(docs[c] / (double) examples.size());
        }
        int vocabulary = counts.size();
        Map<String, double[]> likelihood = new HashMap<>(counts.size() * 2);
        counts.forEach((word, n) -> {
            double[] p = new double[k];
            for (int c = 0; c < k; c++) {
                p[c] = Math.log((n[c] + ALPHA) / (totals[c] + ALPHA * vocabulary));
            }
            likelihood.put(word, p);
        });
        return new CategoryClassifier(cats, docs, prior, Map.copyOf(likelihood), threshold);
    }

    public Prediction predict(String title, String body) {
        int k = categories.length;
        if (k == 0) {
            return new Prediction(null, 0, 0, 0, false);
        }
        double[] score = new double[k];
        int known = 0, all = 0;
        for (Map.Entry<String, Integer> w : features(title, body).entrySet()) {
            all += w.getValue();
            double[] p = logLikelihood.get(w.getKey());
            if (p != null) {
                known += w.getValue();
                for (int c = 0; c < k; c++) {
                    score[c] += w.getValue() * p[c];
                }
            }
        }
        double scale = known > EFFECTIVE_WORDS ? EFFECTIVE_WORDS / (double) known : 1;
        for (int c = 0; c < k; c++) {
            score[c] = logPrior[c] + scale * score[c];
        }
        double[] posterior = softmax(score);
        int best = 0;
        for (int c = 1; c < k; c++) {
            best = posterior[c] > posterior[best] ? c : best;
        }
        double second = 0;
        for (int c = 0; c < k; c++) {
            second = c != best ? Math.max(second, posterior[c]) : second;
        }
        // text about none of our sections (a comet, a recipe) is mostly words the corpus never used,
        // and the few it shares decide the posterior alone: too little to be sure of
        double coverage = all == 0 ? 0 : known / (double) all;
        boolean sure = k >= 2 && examples[best] >= MIN_EXAMPLES && known >= MIN_KNOWN_WORDS
                && posterior[best] >= threshold && coverage >= MIN_COVERAGE;
        return new Prediction(categories[best], posterior[best], posterior[best] - second, coverage, sure);
    }

    /** The categories learnt, with how many examples each. */
    public Map<String, Integer> examplesPerCategory() {
        Map<String, Integer> out = new TreeMap<>();
        for (int c = 0; c < categories.length; c++) {
            out.put(categories[c], examples[c]);
        }
        return out;
    }

    public double threshold() {
        return threshold;
    }

    /** Word counts of an article as the classifier sees it: title words weighted, body cut to its lead. */
    static Map<String, Integer> features(String title, String body) {
        Map<String, Integer> bag = new HashMap<>();
        for (String w : words(title)) {
            bag.merge(w, TITLE_WEIGHT, Integer::sum);
        }
        String lead = body == null ? "" : body.substring(0, Math.min(body.length(), BODY_CHARS));
        for (String w : words(lead)) {
            bag.merge(w, 1, Integer::sum);
        }
        return bag;
    }

    /** Nouns, verbs, names and domain terms of two or more characters; Latin words lower-cased. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (Segmenter.Word w : Segmenter.get().dictionaryWords(Folding.simplified(text))) {
            String s = w.text();
            if (s.length() < 2) {
                continue;
            }
            if (s.chars().allMatch(ch -> Segmenter.isHan((char) ch))) {
                if (isContentWord(w.pos())) {
                    out.add(s);
                }
            } else if (s.length() <= 30 && s.chars().allMatch(ch -> ch < 128 && Character.isLetter(ch))) {
                out.add(s.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    private static boolean isContentWord(String pos) {
        return pos.startsWith("n") || pos.startsWith("v") || pos.startsWith("g"); // g: HanLP's domain terms (芯片, 算法)
    }

    private static double[] softmax(double[] score) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] p = new double[score.length];
        for (int i = 0; i < score.length; i++) {
            p[i] = Math.exp(score[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    @Override
    public String toString() {
        return "CategoryClassifier" + examplesPerCategory() + " words=" + logLikelihood.size();
    }
}
