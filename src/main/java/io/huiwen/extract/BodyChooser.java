package io.huiwen.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Chooses the body among what the page offers. The paragraph vote ({@link MainContentFinder}) usually
 * decides; a short body made of one-line paragraphs does not reach its vote, so when the result is short
 * the vote is taken again with every line voting, and as a last resort the page's own JSON-LD
 * {@code articleBody} (pages that render their text by script) stands in. When the chosen block reads
 * as nothing (it was the byline box beside the headline), the paragraphs that follow the headline are
 * the body, as trafilatura's baseline takes a page's paragraphs. A page with no text anywhere still
 * yields an empty body, which the caller refuses.
 */
final class BodyChooser {
    /** Below this many characters a body is short enough to look for a better one. */
    static final int SHORT_BODY_CHARS = 200;
    private static final int SHORT_LINE_CHARS = 6;

    private BodyChooser() {}

    /** The {@code articleBody} texts of the page's JSON-LD article objects; read before scripts are removed. */
    static List<String> structuredBodies(Document doc) {
        List<String> bodies = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String data = script.data();
            if (data.contains("articleBody")) {
                collect(JsonText.parse(data.strip()), bodies, 0);
            }
        }
        return bodies;
    }

    static ArticleBody choose(Element root, ContentDensity density, String title, List<String> structuredBodies) {
        Element headline = headline(root, title);
        ArticleBody body = BodyReader.read(StandfirstFinder.withStandfirst(root,
                MainContentFinder.find(root, density, MainContentFinder.MIN_PARAGRAPH_CHARS, headline), title, density), density, title);
        if (body.textLength() < SHORT_BODY_CHARS) {
            ArticleBody everyLine = BodyReader.read(StandfirstFinder.withStandfirst(root,
                    MainContentFinder.find(root, density, SHORT_LINE_CHARS, headline), title, density), density, title);
            if (everyLine.textLength() > body.textLength()) {
                body = everyLine;
            }
        }
        if (body.textLength() < HtmlArticleExtractor.MIN_BODY_CHARS) {
            ArticleBody afterHeadline = BodyReader.read(paragraphsAfter(root, headline, density), density, title);
            if (afterHeadline.textLength() > body.textLength()) {
                body = afterHeadline;
            }
        }
        for (String structured : structuredBodies) {
            ArticleBody fromData = fromText(structured);
            // the page's own data is the check: a chosen block it does not begin to cover, and much shorter, was the wrong one
            if (fromData.textLength() > body.textLength() * 3 && !covers(fromData.text(), body.text())) {
                body = fromData;
            }
        }
        return body;
    }

    /** The page's headline: the first h1, else h2, whose text ends with the title; null when none does. */
    static Element headline(Element root, String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        for (String tag : List.of("h1", "h2")) {
            for (Element h : root.getElementsByTag(tag)) {
                if (h.text().strip().endsWith(title)) {
                    return h;
                }
            }
        }
        return null;
    }

    /** The prose paragraphs after {@code headline}, in page order; none when the page has no headline. */
    private static List<Element> paragraphsAfter(Element root, Element headline, ContentDensity density) {
        List<Element> paragraphs = new ArrayList<>();
        if (headline == null) {
            return paragraphs;
        }
        boolean afterHeadline = false;
        for (Element e : root.getAllElements()) {
            if (!afterHeadline) {
                afterHeadline = e == headline;
                continue;
            }
            if (e.normalName().equals("p") && e.closest("a") == null) {
                ContentDensity.Stats s = density.of(e);
                if (s.chars >= MainContentFinder.MIN_PARAGRAPH_CHARS && s.linkDensity() < 0.5 && s.punctuation > 0) {
                    paragraphs.add(e);
                }
            }
        }
        return paragraphs;
    }

    private static boolean covers(String structured, String chosen) {
        String start = chosen.length() > 40 ? chosen.substring(0, 40) : chosen;
        return !start.isEmpty() && structured.replaceAll("\\s+", " ").contains(start.replaceAll("\\s+", " "));
    }

    /** JSON-LD bodies are plain text; their line breaks are the paragraph breaks. */
    private static ArticleBody fromText(String text) {
        ArticleBody body = new ArticleBody();
        for (String line : text.split("\\s*\\n\\s*")) {
            // some sites put their HTML in the field; its text is what counts
            String plain = line.indexOf('<') >= 0 ? Jsoup.parseBodyFragment(line).text() : line;
            body.paragraph(plain.replaceAll("\\s+", " "), null);
        }
        return body;
    }

    private static void collect(Object value, List<String> out, int depth) {
        if (depth > 6) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.get("articleBody") instanceof String s && !s.isBlank()) {
                out.add(s);
            }
            collect(map.get("@graph"), out, depth + 1);
            collect(map.get("mainEntity"), out, depth + 1);
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                collect(o, out, depth + 1);
            }
        }
    }
}
