package io.huiwen.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The standfirst: templates print the lead paragraph (teaser, intro, abstract, a subtitle sentence) in
 * the article's header, between the headline and the body's own container, so the paragraph vote never
 * sees it as part of the body. The prose blocks found between the headline and the body's first block
 * are that lead; bylines, dates, captions and link lines there are not. A long stretch of text between
 * the two means the headline is not this body's, and nothing is taken.
 */
final class StandfirstFinder {
    private static final Set<String> LEAD_TAGS = Set.of("p", "h2", "h3", "div", "span", "li", "section", "strong", "b");
    private static final int MIN_LEAD_CHARS = 15;
    /** Only short elements are read as the headline: a wrapper named "title" around the page is not read whole. */
    private static final int MAX_KICKER_CHARS = 60;
    private static final int MIN_LEAD_WORDS = 6;
    private static final int MIN_UNPUNCTUATED_LEAD_WORDS = 10;
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?。！？…“”\"»«]$");
    /** Byline and publication lines in the languages of the pages we read: "Von Anna Berger, …", "Veröffentlicht am …". */
    private static final java.util.regex.Pattern CREDIT_START = java.util.regex.Pattern.compile(
            "(?iu)(von|by|par|por|przez|autor|author|veröffentlicht|published|posted|updated|aktualisiert|publié|publicado|"
                    + "opublikowano|lesezeit|reading time|temps de lecture|tiempo de lectura)\\b");
    private static final java.util.regex.Pattern CLOCK = java.util.regex.Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");
    private static final int MAX_LEAD_CHARS = 1200;
    private static final int MAX_LEAD_BLOCKS = 4;
    /** Elements looked at after the headline before giving up: a header is a few dozen elements. */
    private static final int MAX_ELEMENTS_BETWEEN = 250;

    private static final java.util.List<String> CAPTION_WORDS = java.util.List.of(
            "caption", "legende", "légende", "bildunterschrift", "bildtext", "pie-de-foto", "pie_foto", "leyenda",
            "didascalia", "podpis", "credit");
    private static final int CAPTION_LEVELS = 4;

    private StandfirstFinder() {}

    /** {@code body} with the lead blocks that stand between the headline and it put first; {@code body} itself when there are none. */
    static List<Element> withStandfirst(Element root, List<Element> body, String title, ContentDensity density) {
        if (body.isEmpty() || title == null) {
            return body;
        }
        Element first = body.get(0);
        Set<Element> aboveFirst = Collections.newSetFromMap(new IdentityHashMap<>());
        aboveFirst.addAll(first.parents());
        Element headline = null;
        List<Element> lead = new ArrayList<>();
        int leadChars = 0;
        int seen = 0;
        for (Element e : root.getAllElements()) {
            if (e == first) {
                break;
            }
            if (headline == null) {
                if (density.of(e).chars <= title.length() + MAX_KICKER_CHARS && isHeadline(e, title)) {
                    if (aboveFirst.contains(e)) {
                        return body; // the headline holds the body: nothing stands between them
                    }
                    headline = e;
                }
                continue;
            }
            if (++seen > MAX_ELEMENTS_BETWEEN) {
                return body;
            }
            if (aboveFirst.contains(e) || isInside(e, headline) || !isLeadBlock(e, density) || insideAny(e, lead)) {
                continue;
            }
            String text = e.text().strip();
            if (!isLeadText(text, e)) {
                continue;
            }
            if (lead.stream().anyMatch(l -> l.text().strip().equals(text))) {
                continue; // the same lead printed twice, for two screen sizes
            }
            lead.add(e);
            leadChars += text.length();
            if (lead.size() > MAX_LEAD_BLOCKS || leadChars > MAX_LEAD_CHARS) {
                return body;
            }
        }
        if (headline == null || lead.isEmpty() || insideAny(headline, body)) {
            return body;
        }
        List<Element> joined = new ArrayList<>(lead);
        joined.addAll(body);
        return joined;
    }

    private static boolean isHeadline(Element e, String title) {
        String tag = e.normalName();
        return (tag.equals("h1") || tag.equals("h2") || e.className().toLowerCase(java.util.Locale.ROOT).contains("title"))
                && e.text().strip().endsWith(title); // ends with: a kicker inside the headline is not part of the title
    }

    /** A block that holds its text itself (not through child blocks), is not a link and not inside one. */
    private static boolean isLeadBlock(Element e, ContentDensity density) {
        if (!LEAD_TAGS.contains(e.normalName())) {
            return false;
        }
        ContentDensity.Stats s = density.of(e);
        if (s.chars < MIN_LEAD_CHARS || s.inlineChars < s.chars * 0.9 || s.linkDensity() > 0.3) {
            return false;
        }
        return e.closest("a, figure, figcaption, time, address, h1") == null && !isInCaptionBox(e);
    }

    /**
     * A photo's caption printed under the header image, in a box named for it ("wp-caption-text",
     * "image-caption", "Bildunterschrift", "pie de foto"), is a sentence about the picture, not the lead.
     */
    private static boolean isInCaptionBox(Element e) {
        Element p = e;
        for (int level = 0; level < CAPTION_LEVELS && p != null; level++, p = p.parent()) {
            String names = (p.className() + " " + p.id()).toLowerCase(java.util.Locale.ROOT);
            for (String word : CAPTION_WORDS) {
                if (names.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A lead is written as sentences: it ends like one and has a few words. Kickers, bylines ("By …",
     * "Redaktion – 31. Januar"), datelines, credits and photo captions in the header do not.
     */
    private static boolean isLeadText(String text, Element e) {
        int words = words(text);
        // a subtitle often has no full stop; a long one is still a sentence, a short one is a kicker or a label
        boolean sentence = SENTENCE_END.matcher(text).find() || words >= MIN_UNPUNCTUATED_LEAD_WORDS && isMostlyLetters(text);
        if (!sentence || words < MIN_LEAD_WORDS || text.contains("©")
                || CREDIT_START.matcher(text).lookingAt()) {
            return false;
        }
        if (BylineParser.isByline(text) || BoilerplateLine.isBoilerplate(text, 0) || CaptionDetector.isCaption(text)) {
            return false;
        }
        if (text.length() < 100 && (PublishDateParser.dated(text, null) != null || CLOCK.matcher(text).find())) {
            return false; // a dateline
        }
        return !ChromeRemover.isUnlikely(e);
    }

    /** Letters, not figures: a ticker of prices has many "words" and no sentence. */
    private static boolean isMostlyLetters(String text) {
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        return letters >= (letters + digits) * 0.9;
    }

    /** Words, with a run of Han characters counting one word per two characters. */
    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                words += i % 2;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                words += inWord ? 0 : 1;
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return words;
    }

    /** A {@code <strong>} in a lead paragraph already taken is read with that paragraph. */
    private static boolean insideAny(Element e, List<Element> taken) {
        for (Element t : taken) {
            if (isInside(e, t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInside(Element e, Element ancestor) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
