package io.huiwen.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Selector;

/**
 * Removes what is never article body before scoring: scripts, styles, forms' controls, hidden
 * elements, navigation, and blocks whose class or id names them as comments, sharing, related
 * links, ads or footers (unless the name also says article or content).
 */
final class ChromeRemover {
    /**
     * Words in a class or id that name chrome. Plain words are looked for with {@code contains}: one
     * alternation of ninety words was tried at every character of every name and cost more than parsing.
     */
    private static final List<String> UNLIKELY_WORDS = List.of(
            "comment", "disqus", "share", "social", "related", "recommend", "relevant", "sidebar", "side-bar", "footer", "foot",
            "menu", "nav", "banner", "advert", "sponsor", "promo", "popup", "modal", "cookie", "subscribe", "newsletter",
            "breadcrumb", "crumb", "pagination", "pager", "toolbar", "login", "signup", "author-bio", "copyright", "header",
            "masthead", "widget", "jump", "more-", "guess", "reward", "tuijian", "xiangguan", "remen", "pinglun", "dialog",
            "privacy", "consent", "gdpr", "next-prev", "prev-next", "nextprev", "prevnext",
            // the same boxes named in German, Spanish, French and Polish templates
            "kommentar", "komentar", "comentario", "teilen", "compartir", "partage", "udostepnij", "werbung", "anzeige", "reklam",
            "publicidad", "publicite", "fusszeile", "stopka", "empfehl", "relacionad", "connexe", "powiazane", "meistgelesen");
    /** The chrome words too short to stand alone: "ad" but not "header", "hot" but not "photo". */
    private static final Pattern UNLIKELY_BOUNDED = Pattern.compile(
            "\\bads?\\b|\\bad[-_]|[-_]ad\\b|\\bgg\\b|\\bhot|\\brank|\\btags?\\b|\\bzan\\b|\\bdig\\b");
    /** "embed": a post quoted in the story (a tweet in a "social-media-embed" box) is content, not a share bar. */
    private static final List<String> LIKELY_WORDS = List.of(
            "article", "content", "body", "main", "post", "story", "text", "entry", "detail", "正文", "artic", "news_txt", "newstxt",
            "conten", "embed", "artikel", "absatz", "inhalt", "beitrag", "nachricht", "contenu", "texte", "noticia", "cuerpo",
            "tekst", "tresc", "wpis");
    private static final String JUNK = "script, style, noscript, template, iframe, svg, canvas, object, embed, "
            + "input, button, select, textarea, link, meta";
    /** Boxes laid over the page (consent, privacy, dialogs) can hold more prose than a short article, and never are one. */
    private static final Pattern OVERLAY = Pattern.compile("cookie|consent|gdpr|privacy|dialog|modal|popup|overlay");
    private static final String HIDDEN = "[hidden], [aria-hidden=true], "
            + "[style~=(?i)display:\\s*none], [style~=(?i)visibility:\\s*hidden]";
    /** Both, found in one walk of the page; parsed once (jsoup's evaluators may be shared between threads). */
    private static final Evaluator JUNK_OR_HIDDEN = Selector.evaluatorOf(JUNK + ", " + HIDDEN);
    /**
     * Readers' comments and reviews: a thread of many voices can hold more prose than the story it follows,
     * so the "holds most of the prose" protection does not apply to it once the headline is elsewhere.
     */
    private static final List<String> THREAD_WORDS = List.of(
            "comment", "disqus", "kommentar", "komentar", "comentario", "commentaire", "pinglun", "reviews", "leserbrief");
    /** Chrome by its tag, unless it wraps the page's prose and headline (see {@link #isPageWrapper}). */
    private static final String CHROME = "nav, aside, footer";

    private ChromeRemover() {}

    /** {@code density} is of the page before cleaning; it protects a misnamed wrapper that holds most of the prose. */
    static void clean(Document doc, ContentDensity density) {
        clean(doc, density, null);
    }

    /**
     * {@code title}, when known, protects the boxes that hold the headline: an article header named
     * "single-header" or a column named "teaser" holds the headline and the lead, not the site's chrome.
     */
    static void clean(Document doc, ContentDensity density, String title) {
        MediaEmbeds.keepAsLinks(doc);
        // a hidden box with prose is a cookie notice or a dialog waiting to open
        doc.select(JUNK_OR_HIDDEN).remove();
        ContentDensity.Stats page = density.of(doc.body());
        int pageChars = Math.max(1, page.chars);
        boolean hasHeadline = doc.body().selectFirst("h1") != null;
        for (Element e : doc.body().select(CHROME)) {
            // an aside used as the content column holds the headline too; a footer with more prose than a short story does not
            if (!isPageWrapper(e, density, page) || hasHeadline && e.selectFirst("h1") == null) {
                e.remove();
            }
        }
        Set<Element> aroundHeadline = headlineContainers(doc, title);
        List<Node> doomed = new ArrayList<>();
        Map<String, Boolean> unlikelyNames = new HashMap<>(); // portal pages repeat the same few class names thousands of times
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Comment) {
                    doomed.add(node);
                } else if (node instanceof Element e && isUnlikely(e, unlikelyNames) && !aroundHeadline.contains(e)
                        && (isOverlay(e) || hasHeadline && isThreadAfterHeadline(e)
                                || !holdsMostProse(density.of(e), pageChars) && !isPageWrapper(e, density, page))) {
                    doomed.add(e);
                }
            }
        }, doc.body());
        for (Node n : doomed) {
            if (n.parent() != null) {
                n.remove();
            }
        }
    }

    /** A box named as readers' comments or reviews that does not hold the page's headline. */
    static boolean isThreadAfterHeadline(Element e) {
        return containsAny((e.className() + " " + e.id()).toLowerCase(Locale.ROOT), THREAD_WORDS) && e.selectFirst("h1") == null;
    }

    /** The page's headline (see {@link BodyChooser#headline}) and the elements around it. */
    private static Set<Element> headlineContainers(Document doc, String title) {
        Set<Element> around = Collections.newSetFromMap(new IdentityHashMap<>());
        Element headline = BodyChooser.headline(doc.body(), title);
        if (headline != null) {
            around.add(headline);
            around.addAll(headline.parents());
        }
        return around;
    }

    private static boolean holdsMostProse(ContentDensity.Stats s, int pageChars) {
        return s.chars >= pageChars * 0.3 && s.linkDensity() < 0.4;
    }

    /**
     * A layout wrapper named for what it also holds ("l-outer--nav", "mmenu-pagewrapper", an {@code aside}
     * used as the content column) holds most of the page's prose; chrome is a part of the page, never most of it.
     */
    private static boolean isPageWrapper(Element e, ContentDensity density, ContentDensity.Stats page) {
        ContentDensity.Stats s = density.of(e);
        int unlinked = page.chars - page.linkChars;
        boolean mostProse = page.prose > 0 ? s.prose >= page.prose * 0.5
                : unlinked > 0 && s.chars - s.linkChars >= unlinked * 0.6;
        return mostProse && !isOverlay(e);
    }

    private static boolean isOverlay(Element e) {
        return OVERLAY.matcher((e.className() + " " + e.id()).toLowerCase(Locale.ROOT)).find();
    }

    /** Whether lower-case class and id names name chrome. */
    static boolean isUnlikelyName(String lower) {
        return containsAny(lower, UNLIKELY_WORDS) || UNLIKELY_BOUNDED.matcher(lower).find();
    }

    /** Whether lower-case class and id names name article content. */
    static boolean isLikelyName(String lower) {
        return containsAny(lower, LIKELY_WORDS);
    }

    private static boolean containsAny(String s, List<String> words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnlikely(Element e) {
        return isUnlikely(e, new HashMap<>());
    }

    private static boolean isUnlikely(Element e, Map<String, Boolean> byNames) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html") || tag.equals("article") || tag.equals("main")
                || tag.equals("a") || tag.equals("p") || tag.startsWith("h") && tag.length() == 2) {
            return false;
        }
        if (!e.hasAttr("class") && !e.hasAttr("id")) {
            return false;
        }
        String names = e.className() + " " + e.id();
        if (names.isBlank()) {
            return false;
        }
        return byNames.computeIfAbsent(names, n -> {
            String lower = n.toLowerCase(Locale.ROOT); // the patterns are lower case: cheaper than case-insensitive matching
            return isUnlikelyName(lower) && !isLikelyName(lower);
        });
    }
}
