package io.huiwen.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a news desk would file an article under, read from the words a section's reporters use
 * (利率 and 财报 for 财经, 警方 and 嫌疑人 for 社会): per-category word lists written for the project
 * and shipped as resources ({@value #LOCATION}{@code <slug>.txt}). This is the portal's starting
 * point on a fresh install, before editors and sources have labelled any real article for the
 * classifier to learn from.
 *
 * <p>A word of two Chinese characters counts only as a whole word of the text (基金 is not in
 * 基金会, 股市 not in a name); longer words count wherever they stand; Latin words (5G, GDP) between
 * non-letters. Title words weigh {@value #TITLE_WEIGHT} times, and a word counts at most
 * {@value #MAX_REPEATS} times, so one repeated word does not decide alone.
 */
public final class CategoryLexicon {

    static final String LOCATION = "/category/lexicon/";
    static final int TITLE_WEIGHT = 3, MAX_REPEATS = 3, LEAD_CHARS = 1500;
    /** Sure: at least this many different words, this much weight, and this share of all section words counted. */
    static final int SURE_WORDS = 4, SURE_SCORE = 8;
    static final double SURE_SHARE = 0.6;
    /** A leaning: enough for a suggestion, too little to publish on. */
    static final int LEAN_SCORE = 3;
    static final double LEAN_SHARE = 0.34;

    /** How strongly the words point at one category: none, a leaning (a suggestion), or sure. */
    public enum Strength { NONE, LEAN, SURE }

    /** The best category's slug (null when no section word was found), its weight and share, and how many words. */
    public record Reading(String category, int score, double share, int words, Strength strength) {}

    private final Map<String, Set<String>> words; // slug -> words, folded
    private final Map<String, Pattern> latin;     // slug -> one pattern of its Latin words
    private final Map<String, List<String>> han;  // slug -> its words with a Chinese character, as counted in the text

    CategoryLexicon(Map<String, Set<String>> words) {
        this.words = new TreeMap<>(words);
        this.latin = new HashMap<>();
        this.han = new HashMap<>();
        this.words.forEach((slug, set) -> {
            han.put(slug, set.stream().filter(CategoryLexicon::hasHan).toList());
            List<String> alternatives = set.stream().filter(w -> !hasHan(w)).map(Pattern::quote).toList();
            if (!alternatives.isEmpty()) {
                latin.put(slug, Pattern.compile("(?<![a-z0-9])(?:" + String.join("|", alternatives) + ")(?![a-z0-9])"));
            }
        });
    }

    private static final class Shipped {
        static final CategoryLexicon INSTANCE = load(List.of("caijing", "keji", "shehui", "guoji", "tiyu", "wenhua"));
    }

    /** The lexicons shipped with the portal, one per category of a fresh install. */
    public static CategoryLexicon shipped() {
        return Shipped.INSTANCE;
    }

    static CategoryLexicon load(List<String> slugs) {
        Map<String, Set<String>> words = new HashMap<>();
        for (String slug : slugs) {
            try (InputStream in = CategoryLexicon.class.getResourceAsStream(LOCATION + slug + ".txt")) {
                if (in == null) {
                    throw new IllegalStateException("no lexicon " + LOCATION + slug + ".txt");
                }
                words.put(slug, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CategoryLexicon(words);
    }

    /** Words separated by white space; lines starting with # are comments. */
    static Set<String> parse(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("#")) {
                for (String w : line.strip().split("\\s+")) {
                    if (w.length() >= 2) {
                        out.add(Folding.fold(w));
                    }
                }
            }
        }
        return out;
    }

    public Reading read(String title, String body) {
        Map<String, int[]> scores = scores(title, body);
        String best = null;
        int total = 0;
        for (Map.Entry<String, int[]> e : scores.entrySet()) {
            total += e.getValue()[0];
            best = e.getValue()[0] > 0 && (best == null || e.getValue()[0] > scores.get(best)[0]) ? e.getKey() : best;
        }
        if (best == null) {
            return new Reading(null, 0, 0, 0, Strength.NONE);
        }
        int score = scores.get(best)[0], found = scores.get(best)[1];
        double share = score / (double) total;
        Strength strength = found >= SURE_WORDS && score >= SURE_SCORE && share >= SURE_SHARE ? Strength.SURE
                : score >= LEAN_SCORE && share >= LEAN_SHARE ? Strength.LEAN : Strength.NONE;
        return new Reading(strength == Strength.NONE ? null : best, score, share, found, strength);
    }

    /** Per category: its weight in this text and how many of its words were found (for the bench and for reasons). */
    public Map<String, int[]> scores(String title, String body) {
        String lead = body == null ? "" : body.substring(0, Math.min(body.length(), LEAD_CHARS));
        Map<String, Integer> titleCounts = counts(title == null ? "" : title);
        Map<String, Integer> leadCounts = counts(lead);
        Map<String, int[]> out = new TreeMap<>();
        for (Map.Entry<String, Set<String>> section : words.entrySet()) {
            int score = 0, found = 0;
            for (String w : section.getValue()) {
                int n = Math.min(MAX_REPEATS, titleCounts.getOrDefault(w, 0) * TITLE_WEIGHT + leadCounts.getOrDefault(w, 0));
                score += n;
                found += n > 0 ? 1 : 0;
            }
            out.put(section.getKey(), new int[] {score, found});
        }
        return out;
    }

    /** The words of a category found in the text, for explaining a reading. */
    public List<String> found(String category, String title, String body) {
        String lead = body == null ? "" : body.substring(0, Math.min(body.length(), LEAD_CHARS));
        Map<String, Integer> c = counts((title == null ? "" : title) + "\n" + lead);
        return words.getOrDefault(category, Set.of()).stream().filter(c::containsKey).toList();
    }

    /** How often each lexicon word occurs in the text, as the matching rules of the class say. */
    private Map<String, Integer> counts(String raw) {
        String text = Folding.fold(raw);
        Map<String, Integer> out = new HashMap<>();
        Map<String, Integer> tokens = new HashMap<>();
        for (Segmenter.Word w : Segmenter.get().dictionaryWords(text)) {
            tokens.merge(w.text(), 1, Integer::sum);
        }
        String lower = null;
        for (String section : words.keySet()) {
            for (String w : han.get(section)) {
                int n = w.length() == 2 ? tokens.getOrDefault(w, 0) : occurrences(text, w);
                if (n > 0) {
                    out.put(w, n);
                }
            }
            Pattern p = latin.get(section);
            if (p != null) {
                lower = lower == null ? text.toLowerCase(Locale.ROOT) : lower;
                Matcher m = p.matcher(lower);
                while (m.find()) {
                    out.merge(m.group(), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }

    private static boolean hasHan(String w) {
        return w.chars().anyMatch(c -> Segmenter.isHan((char) c));
    }

    @Override
    public String toString() {
        Map<String, Integer> sizes = new TreeMap<>();
        words.forEach((slug, set) -> sizes.put(slug, set.size()));
        return "CategoryLexicon" + sizes;
    }
}
