package io.huiwen.extract;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Picks the headline: the {@code <h1>} (or title-classed element) that best matches the page's
 * {@code <title>}/og:title, else the JSON-LD headline, else the cleaned og:title or {@code <title>}.
 */
final class TitleChooser {
    private static final String CANDIDATES = "h1, h2, [class*=title], [id*=title], [class*=headline]";
    private static final int MAX_CANDIDATES = 60;
    private static final int MAX_KICKER_CHARS = 40;

    private TitleChooser() {}

    static String choose(Document doc, MetadataReader.PageMetadata meta) {
        String reference = meta.ogTitle() != null ? meta.ogTitle() : meta.titleTag();
        if (reference == null) {
            reference = meta.headline();
        }
        Reference ref = reference == null ? null : new Reference(reference);
        String best = null;
        double bestScore = 0;
        int seen = 0;
        for (Element e : doc.body() == null ? doc.select("h1") : doc.body().select(CANDIDATES)) {
            if (++seen > MAX_CANDIDATES) {
                break;
            }
            String text = e.text().replace('\u00a0', ' ').strip();
            if (text.length() < 4 || text.length() > 150 || e.select("a").size() > 1) {
                continue;
            }
            double score = reference == null ? (e.nameIs("h1") ? 0.6 : 0) : ref.overlap(text);
            if (e.nameIs("h1")) {
                score += 0.05;
            }
            if (score > bestScore) {
                best = text;
                bestScore = score;
            }
        }
        if (best != null && bestScore >= 0.6) {
            return withoutKicker(best, ref);
        }
        if (meta.headline() != null) {
            return meta.headline();
        }
        return TitleCleaner.clean(reference);
    }

    /**
     * A kicker printed inside the headline ("Klimaschutz: Bohren, bis es heiß wird", "Tunesien Große Aufgaben …")
     * is not part of it: when the page's own title is the headline's ending, the title is the headline.
     */
    private static String withoutKicker(String headline, Reference ref) {
        String own = ref == null ? null : ref.cleaned;
        if (own == null || own.length() < 10 || own.length() >= headline.length() || !headline.endsWith(own)) {
            return headline;
        }
        String kicker = headline.substring(0, headline.length() - own.length()).strip();
        return kicker.length() <= MAX_KICKER_CHARS && !kicker.isEmpty() ? own : headline;
    }

    /** Share of the candidate's character pairs found in the reference; a candidate much shorter than the reference scores less. */
    static double overlap(String candidate, String reference) {
        return new Reference(reference).overlap(candidate);
    }

    /** The reference title read once per page: its pairs and cleaned length are the same for every candidate. */
    private static final class Reference {
        private final Set<String> bigrams;
        private final String cleaned;

        Reference(String reference) {
            this.bigrams = bigrams(reference);
            this.cleaned = TitleCleaner.clean(reference);
        }

        double overlap(String candidate) {
            Set<String> cand = bigrams(candidate);
            if (cand.isEmpty()) {
                return 0;
            }
            int common = 0;
            for (String b : cand) {
                if (bigrams.contains(b)) {
                    common++;
                }
            }
            double share = (double) common / cand.size();
            double lengthRatio = cleaned == null ? 1 : Math.min(1, (double) candidate.length() / cleaned.length());
            return share * (0.5 + 0.5 * lengthRatio);
        }
    }

    private static Set<String> bigrams(String s) {
        String t = s.toLowerCase().replaceAll("\\s+", "");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= t.length(); i++) {
            out.add(t.substring(i, i + 2));
        }
        return out;
    }
}
