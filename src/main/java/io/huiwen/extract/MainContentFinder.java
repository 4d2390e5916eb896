package io.huiwen.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds the article body. Every paragraph-like block votes for its ancestors (parent fully, further
 * ancestors less) with a weight from its length and punctuation, as Readability does; punctuation
 * counts the way GNE's symbol density does, so Chinese prose with ，。 wins over link lists. The
 * best container, scaled by (1 - link density), is the body, joined by siblings that score nearly
 * as well.
 */
final class MainContentFinder {
    private static final Set<String> PARAGRAPH_TAGS = Set.of(
            "p", "pre", "td", "blockquote", "div", "section", "article", "dd", "font", "center", "li");
    static final int MIN_PARAGRAPH_CHARS = 20;
    /** What a page marks as its body with schema.org microdata outweighs a few paragraphs elsewhere. */
    private static final double MARKED_BODY_BONUS = 25;
    private static final String ITEMPROP = "itemprop";
    private static final String ARTICLE_BODY = "articleBody";
    private static final int ANCESTOR_LEVELS = 5;
    private static final int MAX_WRAPPER_LEVELS = 3;
    private static final double BEFORE_HEADLINE_WEIGHT = 0.5;
    /** A wrapper holding this much more than the body so far is more than a wrapper (a picture's caption fits). */
    private static final double WRAPPER_SLACK = 1.3;

    private MainContentFinder() {}

    /** The body's top-level elements in document order; empty when nothing looks like prose. */
    static List<Element> find(Element root, ContentDensity density) {
        return find(root, density, MIN_PARAGRAPH_CHARS);
    }

    /** {@code minParagraphChars}: the shortest text that votes; a short body of one-line paragraphs needs a low one. */
    static List<Element> find(Element root, ContentDensity density, int minParagraphChars) {
        return find(root, density, minParagraphChars, null);
    }

    /**
     * {@code headline}, when known: a block that ends before the headline (a side tray or a promo column
     * printed first in the page's source) weighs half; the story follows its headline.
     */
    static List<Element> find(Element root, ContentDensity density, int minParagraphChars, Element headline) {
        // in the order the blocks were first seen, so a tie goes to the earlier block: an identity-keyed map
        // would break it by identity hash, which depends on what the thread hashed before (the pages it read)
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element marked : root.getElementsByAttributeValue(ITEMPROP, ARTICLE_BODY)) {
            scores.put(marked, 0.0);
        }
        for (Element e : root.getAllElements()) {
            if (!PARAGRAPH_TAGS.contains(e.normalName())) {
                continue;
            }
            ContentDensity.Stats s = density.of(e);
            if (s.inlineChars < minParagraphChars || s.linkDensity() > 0.5 || e.closest("a") != null) {
                continue;
            }
            // linked text is a teaser's headline, not prose; a list item is weaker evidence than a paragraph
            double vote = (1 + Math.min(s.punctuation, 40) + Math.min(s.inlineChars / 100.0, 3)) * (1 - s.linkDensity());
            if (e.normalName().equals("li")) {
                vote *= 0.5;
            }
            Element ancestor = e.normalName().equals("li") ? e.parent() : e;
            for (int level = 0; level <= ANCESTOR_LEVELS && ancestor != null; level++) {
                double share = level == 0 ? 0.25 : level == 1 ? 1 : level == 2 ? 0.5 : 1.0 / (level * 3);
                scores.merge(ancestor, vote * share, Double::sum);
                ancestor = ancestor.parent();
            }
        }
        Element best = null;
        double bestScore = 0;
        Map<Element, Integer> order = headline == null ? Map.of() : documentOrder(root);
        Set<Element> aboveHeadline = headline == null ? Set.of() : aroundHeadline(headline);
        int headlineAt = headline == null ? -1 : order.getOrDefault(headline, -1);
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = finalScore(entry.getKey(), entry.getValue(), density);
            if (headlineAt >= 0 && !aboveHeadline.contains(entry.getKey())
                    && order.getOrDefault(entry.getKey(), Integer.MAX_VALUE) < headlineAt) {
                score *= BEFORE_HEADLINE_WEIGHT;
            }
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of();
        }
        if (isMarkedBody(best)) {
            return markedBodies(root, best); // the page said where its body ends: no sibling joins it
        }
        return withContinuations(best, withSiblings(best, bestScore, scores, density), scores, density);
    }

    private static Map<Element, Integer> documentOrder(Element root) {
        Map<Element, Integer> order = new IdentityHashMap<>();
        int i = 0;
        for (Element e : root.getAllElements()) {
            order.put(e, i++);
        }
        return order;
    }

    private static Set<Element> aroundHeadline(Element headline) {
        Set<Element> around = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        around.add(headline);
        around.addAll(headline.parents());
        return around;
    }

    private static double finalScore(Element e, double raw, ContentDensity density) {
        double score = raw + tagBonus(e);
        String names = (e.className() + " " + e.id()).toLowerCase(java.util.Locale.ROOT);
        if (ChromeRemover.isLikelyName(names)) {
            score += 10;
        }
        if (isMarkedBody(e) && density.of(e).chars >= MIN_PARAGRAPH_CHARS) {
            score += MARKED_BODY_BONUS;
        }
        return score * (1 - density.of(e).linkDensity());
    }

    private static boolean isMarkedBody(Element e) {
        return e.attr(ITEMPROP).equals(ARTICLE_BODY);
    }

    /** Every block the page marks as its body, outermost only, in document order. */
    private static List<Element> markedBodies(Element root, Element best) {
        List<Element> marked = new ArrayList<>();
        for (Element e : root.getElementsByAttributeValue(ITEMPROP, ARTICLE_BODY)) {
            if (e == best || e.parents().stream().noneMatch(MainContentFinder::isMarkedBody)
                    && best.parents().stream().noneMatch(p -> p == e)) {
                marked.add(e);
            }
        }
        return marked;
    }

    private static double tagBonus(Element e) {
        return switch (e.normalName()) {
            case "article" -> 10;
            case "div", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "ul", "ol", "dl", "dd", "li", "form" -> -3;
            case "body" -> -5;
            default -> 0;
        };
    }

    /** Readability's sibling step: a sibling that scores a fifth of the best, or reads as prose, belongs to the body too. */
    private static List<Element> withSiblings(Element best, double bestScore, Map<Element, Double> scores,
            ContentDensity density) {
        Element parent = best.parent();
        if (parent == null || parent.normalName().equals("html")) {
            return List.of(best);
        }
        double threshold = Math.max(10, bestScore * 0.2);
        List<Element> body = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                body.add(sibling);
                continue;
            }
            ContentDensity.Stats s = density.of(sibling);
            Double score = scores.get(sibling);
            boolean scored = score != null && finalScore(sibling, score, density) >= threshold
                    && sameKind(best, sibling);
            // a lede or standfirst often sits in a div of its own, holding its text directly
            boolean paragraphLike = sibling.normalName().equals("p") || s.inlineChars >= 100 && s.inlineChars >= s.chars * 0.9;
            boolean prose = paragraphLike && s.linkDensity() < 0.25 && s.chars >= 60 && s.punctuation > 0;
            if (scored || prose) {
                body.add(sibling);
            }
        }
        return body;
    }

    /**
     * Templates often wrap each run of paragraphs in its own column (ad slots sit between the runs), so
     * the best block is one run of several. Climb while the ancestor is only a thin wrapper around what
     * we have, and take the ancestor's siblings built the same way (tag and class) that hold voting paragraphs.
     */
    private static List<Element> withContinuations(Element best, List<Element> body, Map<Element, Double> scores,
            ContentDensity density) {
        int bodyChars = 0;
        for (Element e : body) {
            bodyChars += density.of(e).chars;
        }
        Element wrapper = best.parent();
        for (int level = 0; level < MAX_WRAPPER_LEVELS && wrapper != null; level++) {
            Element parent = wrapper.parent();
            if (parent == null || parent.normalName().equals("html") || density.of(wrapper).chars > bodyChars * WRAPPER_SLACK) {
                break;
            }
            List<Element> joined = new ArrayList<>();
            boolean found = false;
            for (Element sibling : parent.children()) {
                if (sibling == wrapper) {
                    joined.addAll(body);
                } else if (scores.containsKey(sibling) && continues(wrapper, sibling, best, density)) {
                    joined.add(sibling);
                    found = true;
                }
            }
            if (found) {
                body = joined;
                bodyChars = 0;
                for (Element e : body) {
                    bodyChars += density.of(e).chars;
                }
            }
            wrapper = parent;
        }
        return body;
    }

    /** Same tag and class as the wrapper, prose-like, and holding a block built like {@code best} at the same depth. */
    private static boolean continues(Element wrapper, Element sibling, Element best, ContentDensity density) {
        // a bare wrapper (a plain <section> per run) is matched by the named blocks it holds
        if (wrapper.className().isEmpty() && !namedOnPath(wrapper, best) || !sibling.normalName().equals(wrapper.normalName())
                || !sibling.className().equals(wrapper.className())) {
            return false;
        }
        ContentDensity.Stats s = density.of(sibling);
        return s.chars >= MIN_PARAGRAPH_CHARS && s.punctuation > 0 && s.linkDensity() < 0.3
                && holdsLike(sibling, wrapper, best);
    }

    /** Whether some block from {@code best} up to (not including) {@code wrapper} has a class name. */
    private static boolean namedOnPath(Element wrapper, Element best) {
        for (Element e = best; e != null && e != wrapper; e = e.parent()) {
            if (!e.className().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code root} has a descendant matching the tag and class of each element on the path from {@code wrapper} down to {@code best}. */
    private static boolean holdsLike(Element root, Element wrapper, Element best) {
        List<Element> path = new ArrayList<>();
        for (Element e = best; e != wrapper; e = e.parent()) {
            path.add(0, e);
        }
        List<Element> level = List.of(root);
        for (Element step : path) {
            List<Element> next = new ArrayList<>();
            for (Element e : level) {
                for (Element child : e.children()) {
                    if (child.normalName().equals(step.normalName()) && child.className().equals(step.className())) {
                        next.add(child);
                    }
                }
            }
            if (next.isEmpty()) {
                return false;
            }
            level = next;
        }
        return true;
    }

    /** Scored siblings must be built like the best block: a differently named box beside it is a promo or a figure. */
    private static boolean sameKind(Element best, Element sibling) {
        return best.normalName().equals(sibling.normalName()) && best.className().equals(sibling.className())
                || sibling.normalName().equals("p");
    }
}
