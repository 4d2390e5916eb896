package io.huiwen.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Picks the headline: the {@code <h1>} (or title-classed element) that best matches the page's
 * {@code <title>}/og:title, else the JSON-LD headline, else the cleaned og:title or {@code <title>}.
 */
final class TitleChooser {
    private static final String CANDIDATES = "h1, h2, [class*=title], [id*=title], [class*=headline]";
    private static final int MAX_CANDIDATES = 60;
    private static final int MAX_KICKER_CHARS = 40;
    /** Class or id words of a kicker set above or before a headline, in the templates' languages. */
    private static final List<String> KICKER_NAMES = List.of(
            "kicker", "roofline", "overline", "topline", "dachzeile", "spitzmarke", "eyebrow", "supertitle", "pretitle", "label");
    private static final Evaluator NOT_PRINTED = Selector.evaluatorOf(
            ".element-invisible, .visually-hidden, .visuallyhidden, .sr-only, .screen-reader-text, .screen-reader-only, [hidden]");
    /** A whole date (2022-01-23, 23.01.2022, 2022年1月23日), then a dash, bar or colon: "23.01.2022 - Headline". */
    private static final Pattern LEADING_DATE = Pattern.compile(
            "\\s*((?:19|20)\\d{2}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?|\\d{1,2}\\.\\d{1,2}\\.(?:19|20)\\d{2})(?:\\s*[-–—|｜]\\s+|\\s*[:：]\\s*)");
    private static final Pattern KICKER_JOIN = Pattern.compile("^[\\s:：|｜·•\\-–—]+");
    private static final List<String> TITLE_SEPARATORS = List.of(" - ", " – ", " — ", " | ", " · ", " :: ", " / ");

    private TitleChooser() {}

    static String choose(Document doc, MetadataReader.PageMetadata meta) {
        String reference = meta.ogTitle() != null ? meta.ogTitle() : meta.titleTag();
        if (reference == null) {
            reference = meta.headline();
        }
        Reference ref = reference == null ? null : new Reference(reference);
        String best = null;
        Element bestElement = null;
        double bestScore = 0;
        int seen = 0;
        for (Element e : doc.body() == null ? doc.select("h1") : doc.body().select(CANDIDATES)) {
            if (++seen > MAX_CANDIDATES) {
                break;
            }
            String text = visibleText(e).replace('\u00a0', ' ').strip();
            if (text.length() < 4 || text.length() > 150 || e.select("a").size() > 1) {
                continue;
            }
            double score = reference == null ? (e.nameIs("h1") ? 0.6 : 0) : ref.overlap(text);
            if (e.nameIs("h1")) {
                score += 0.05;
            }
            if (score > bestScore) {
                best = text;
                bestElement = e;
                bestScore = score;
            }
        }
        if (best != null && bestScore >= 0.6) {
            String own = withoutKicker(best, ref);
            return withoutLeadingDate(own.equals(best) ? withoutMarkedKicker(bestElement, best, reference) : own);
        }
        if (meta.headline() != null) {
            return withoutLeadingDate(meta.headline());
        }
        String cleaned = TitleCleaner.clean(reference);
        return cleaned == null ? null : withoutLeadingDate(cleaned);
    }

    /**
     * A kicker printed inside the headline ("Klimaschutz: Bohren, bis es heiß wird", "Tunesien Große Aufgaben …")
     * is not part of it: when the page's own title is the headline's ending, the title is the headline.
     */
    private static String withoutKicker(String headline, Reference ref) {
        String own = ref == null || ref.cleaned == null ? null : withoutSoftHyphens(ref.cleaned);
        String printed = withoutSoftHyphens(headline); // invisible break hints, printed in one and not the other
        if (own == null || own.length() < 10 || own.length() >= printed.length() || !printed.endsWith(own)) {
            return headline;
        }
        String kicker = printed.substring(0, printed.length() - own.length()).strip();
        return kicker.length() <= MAX_KICKER_CHARS && !kicker.isEmpty() ? ref.cleaned : headline;
    }

    /**
     * A kicker set in its own element at the start of the headline ({@code <h1><span class="roofline">Wurmkiste</span>
     * Wurmkiste selber bauen</h1>}) is left out when its markup names it one (roofline, overline, kicker, Dachzeile,
     * eyebrow, label) or the page's title sets it apart from the rest ("Kicker - Rest | Site"). A word merely set in
     * bold or in a span of its own, run on into the rest in the title, stays.
     */
    private static String withoutMarkedKicker(Element headline, String text, String reference) {
        Element kicker = firstChildElement(headline);
        if (kicker == null || kicker.nameIs("a") || !kicker.select("a").isEmpty()) {
            return text;
        }
        String kickerText = kicker.text().replace('\u00a0', ' ').strip();
        if (kickerText.isEmpty() || kickerText.length() > MAX_KICKER_CHARS || !text.startsWith(kickerText)) {
            return text;
        }
        // "<span class=kicker>Klimaschutz</span>: Bohren, …": the colon or dash after a kicker goes with it
        String rest = KICKER_JOIN.matcher(text.substring(kickerText.length())).replaceFirst("").strip();
        if (rest.length() < 10) {
            return text;
        }
        String names = (kicker.className() + " " + kicker.id()).toLowerCase(Locale.ROOT);
        boolean named = KICKER_NAMES.stream().anyMatch(names::contains);
        return named || setApartIn(reference, kickerText, rest) ? rest : text;
    }

    /**
     * The headline as a reader sees it: text kept for screen readers only (Drupal's element-invisible,
     * Bootstrap's sr-only, WordPress's screen-reader-text: "Title<span class=element-invisible> | Site</span>")
     * or hidden is not printed.
     */
    private static String visibleText(Element e) {
        if (e.select(NOT_PRINTED).isEmpty()) {
            return e.text();
        }
        Element copy = e.clone();
        copy.select(NOT_PRINTED).remove();
        return copy.text();
    }

    /** "23.01.2022 - Wierer darf noch jubeln": the day a site prints before its headlines is the dateline, not the headline. */
    private static String withoutLeadingDate(String headline) {
        Matcher m = LEADING_DATE.matcher(headline);
        if (!m.lookingAt() || PublishDateParser.dated(m.group(1), null) == null) {
            return headline;
        }
        String rest = headline.substring(m.end()).strip();
        return rest.length() >= 10 ? rest : headline;
    }

    /** The element the headline starts with, when nothing but white space comes before it. */
    private static Element firstChildElement(Element headline) {
        for (Node n : headline.childNodes()) {
            if (n instanceof Element e) {
                return e;
            }
            if (n instanceof TextNode t && !t.isBlank()) {
                return null;
            }
        }
        return null;
    }

    /** The title reads "kicker SEPARATOR rest…", with a separator that joins a title's parts, never a colon inside a headline. */
    private static boolean setApartIn(String reference, String kicker, String rest) {
        if (reference == null) {
            return false;
        }
        String title = withoutSoftHyphens(reference).replace('\u00a0', ' ').toLowerCase(Locale.ROOT);
        String start = withoutSoftHyphens(kicker).toLowerCase(Locale.ROOT);
        String after = withoutSoftHyphens(rest).toLowerCase(Locale.ROOT);
        after = after.substring(0, Math.min(after.length(), 12));
        for (String separator : TITLE_SEPARATORS) {
            if (title.contains(start + separator + after)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutSoftHyphens(String s) {
        return s.indexOf('\u00ad') < 0 ? s : s.replace("\u00ad", "");
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
