package io.huiwen.extract;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Walks the chosen body elements (iteratively) and turns them into {@link ArticleBody} blocks:
 * paragraphs with their inline emphasis and links, subheadings, list items, images with captions.
 * Link-heavy blocks inside the body (related lists, tag clouds) and byline lines are left out.
 */
final class BodyReader implements NodeFilter {
    private static final Set<String> INLINE_MARKUP = Set.of("a", "strong", "em", "b", "i");
    /** Compiled once: replaceAll would compile it again for every line of every page. */
    private static final List<String> IMAGE_ATTRS = List.of(
            "data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-url", "data-echo", "src");

    /** Short rights notices and tip lines that sites append to every article. */
    private static final java.util.regex.Pattern NOTICE = java.util.regex.Pattern.compile(
            "未经授权.{0,6}转载|不得转载|版权所有|版权归.{1,12}所有|免责声明|All rights reserved|^©|^Copyright ©",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private static final java.util.regex.Pattern CAPTION_NAMES = java.util.regex.Pattern.compile(
            "caption|credit|image[-_]?source|photo[-_]?source");

    private static final double TEASER_LIST_LINK_DENSITY = 0.35;
    private static final int MIN_TEASER_ITEMS = 3;
    private static final int MAX_CHARS_AFTER_TEASERS = 100;
    private static final int MIN_CARD_LINKS = 3;

    private final ContentDensity density;
    private final String title;
    private final ArticleBody body = new ArticleBody();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private boolean inItem;
    /** How many blocks were read when the last horizontal rule came; -1 before any. */
    private int lastRule = -1;
    private int linkDepth;
    private int linkChars;
    private int figureDepth;

    private BodyReader(ContentDensity density, String title) {
        this.density = density;
        this.title = title;
    }

    static ArticleBody read(List<Element> elements, ContentDensity density, String title) {
        BodyReader reader = new BodyReader(density, title);
        for (Element e : elements) {
            NodeTraversor.filter(reader, e);
            reader.flush();
        }
        reader.body.dropAboutTheCompany(reader.lastRule);
        reader.body.dropTrailingHeadings(); // a subheading with nothing after it labelled a list that was left out
        return reader.body;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
            String s = t.text();
            if (linkDepth > 0) {
                linkChars += s.length();
            }
            text.append(s);
            html.append(Entities.escape(s));
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        String tag = e.normalName();
        if (depth > 0 && isCaptionBox(e)) {
            flush();
            body.caption(e.text());
            return FilterResult.SKIP_ENTIRELY;
        }
        if (INLINE_MARKUP.contains(tag)) {
            if (tag.equals("a")) {
                linkDepth++;
            }
            html.append('<').append(tag);
            if (tag.equals("a") && e.hasAttr("href")) {
                html.append(" href=\"").append(Entities.escape(e.absUrl("href"))).append('"');
            }
            html.append('>');
            return FilterResult.CONTINUE;
        }
        if (tag.equals("br")) {
            flush();
            return FilterResult.CONTINUE;
        }
        if (tag.equals("hr")) {
            flush();
            lastRule = body.blocks().size(); // a rule sets off what follows from the story
            return FilterResult.CONTINUE;
        }
        if (!ContentDensity.BLOCK_TAGS.contains(tag) && !tag.equals("img")) {
            // a card that opens over a name (the person's picture and their latest stories) is not the sentence's
            return isInlineCard(e) ? FilterResult.SKIP_ENTIRELY : FilterResult.CONTINUE;
        }
        flush();
        if (depth > 0 && isLinkList(e)) {
            if (isList(e)) {
                body.dropLabel(); // "More:", "More Great Stories": the list's label goes with it
            }
            return FilterResult.SKIP_ENTIRELY;
        }
        switch (tag) {
            case "img" -> body.image(imageSource(e), e.attr("alt"));
            case "h1" -> {
                // an h1 above the first paragraph is the page's headline, however the title was worded
                if (!body.isEmpty() && (title == null || !e.text().strip().equals(title))) {
                    body.heading(e.text());
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            case "h2", "h3", "h4", "h5", "h6" -> {
                // judged by its words only: a linked subheading is still the body's (link density decides paragraphs)
                if (!BoilerplateLine.isBoilerplate(e.text().strip(), 0)) {
                    body.heading(e.text());
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            case "figcaption" -> {
                body.caption(e.text());
                return FilterResult.SKIP_ENTIRELY;
            }
            case "li" -> inItem = true;
            case "figure" -> {
                if (e.hasAttr(MediaEmbeds.MARK)) {
                    Element link = e.selectFirst("a[href]");
                    body.embed(link == null ? null : link.attr("href"), e.attr(MediaEmbeds.MARK));
                    return FilterResult.SKIP_ENTIRELY;
                }
                figureDepth++;
            }
            default -> { }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e) {
            String tag = e.normalName();
            if (INLINE_MARKUP.contains(tag)) {
                html.append("</").append(tag).append('>');
                if (tag.equals("a")) {
                    linkDepth--;
                }
            } else if (ContentDensity.BLOCK_TAGS.contains(tag)) {
                flush();
                inItem = false;
                if (tag.equals("figure")) {
                    figureDepth--;
                }
            }
        }
        return FilterResult.CONTINUE;
    }

    private boolean isLinkList(Element e) {
        ContentDensity.Stats s = density.of(e);
        if (s.chars == 0) {
            return false;
        }
        boolean list = isList(e);
        // a list that is mostly one link is a pointer elsewhere, however few items it has
        boolean linked = s.linkDensity() > 0.5 && linkDensityWithoutCards(e, s) > 0.5;
        return linked && (s.links >= 2 || s.chars < 40 || list) || list && isTeaserList(e, s) && endsItsBlock(e);
    }

    /**
     * An inline box of several links that is nearly all links: a hover card or a widget set into a
     * paragraph (a person's picture and latest stories behind their name). The innermost such box is
     * the card; the span around it holds the name the sentence needs.
     */
    private boolean isInlineCard(Element e) {
        if (!isCardShaped(e)) {
            return false;
        }
        for (Element child : e.children()) {
            if (isCardShaped(child)) {
                return false;
            }
        }
        return true;
    }

    private boolean isCardShaped(Element e) {
        if (!e.normalName().equals("span")) {
            return false;
        }
        ContentDensity.Stats s = density.of(e);
        return s.links >= MIN_CARD_LINKS && s.linkDensity() >= 0.8;
    }

    /** Characters and linked characters of {@code e} outside the inline cards in it. */
    private double linkDensityWithoutCards(Element e, ContentDensity.Stats s) {
        int chars = s.chars;
        int linkChars = s.linkChars;
        for (Element span : e.getElementsByTag("span")) {
            if (isInlineCard(span)) {
                ContentDensity.Stats c = density.of(span);
                chars -= c.chars;
                linkChars -= c.linkChars;
            }
        }
        return chars <= 0 ? 0 : (double) linkChars / chars;
    }

    private static boolean isList(Element e) {
        return e.normalName().equals("ul") || e.normalName().equals("ol");
    }

    /** Further reading closes the body: little text follows it. A list of products or names in mid-story is the story's. */
    private boolean endsItsBlock(Element e) {
        int after = 0;
        for (Element sibling = e.nextElementSibling(); sibling != null; sibling = sibling.nextElementSibling()) {
            after += density.of(sibling).chars;
        }
        return after < MAX_CHARS_AFTER_TEASERS;
    }

    /**
     * Further reading written as sentences with a linked part ("Paid ads are not the problem. <a>Our
     * perceptions are</a>"): several items, each holding a link, a good share of the text linked.
     */
    private static boolean isTeaserList(Element list, ContentDensity.Stats s) {
        if (s.linkDensity() < TEASER_LIST_LINK_DENSITY) {
            return false;
        }
        int items = 0;
        for (Element item : list.children()) {
            if (!item.normalName().equals("li") || item.selectFirst("a[href]") == null) {
                return false;
            }
            items++;
        }
        return items >= MIN_TEASER_ITEMS;
    }

    /** Photo captions and credits named as such ("caption", "credit"), inline or block. */
    private static boolean isCaptionBox(Element e) {
        if (!e.hasAttr("class")) {
            return false;
        }
        String names = e.className().toLowerCase(java.util.Locale.ROOT);
        return CAPTION_NAMES.matcher(names).find();
    }

    /** The text with each run of ASCII whitespace and no-break spaces as one space, in one pass. */
    static String oneSpace(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\u00a0' || c >= '\t' && c <= '\r') {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (space) {
            out.append(' ');
        }
        return out.toString();
    }

    private void flush() {
        String t = oneSpace(text).strip();
        String h = html.toString().strip();
        int rawChars = text.length();
        double linkDensity = rawChars == 0 ? 0 : (double) linkChars / rawChars;
        text.setLength(0);
        html.setLength(0);
        linkChars = 0;
        if (t.isEmpty() || t.equals(title)) {
            return;
        }
        if (CaptionDetector.isCreditedCaption(t)) {
            body.caption(t);
            return;
        }
        if (BylineParser.isByline(t) || t.length() <= 80 && NOTICE.matcher(t).find()
                || BoilerplateLine.isBoilerplate(t, linkDensity)) {
            return;
        }
        if (figureDepth > 0 || CaptionDetector.isCaption(t) || body.awaitsCaption() && CaptionDetector.isPictureLabel(t)) {
            body.caption(t);
        } else if (inItem) {
            body.item(t, h);
        } else {
            body.paragraph(t, h);
        }
    }

    /** Lazy-loading pages keep the real image in a data attribute and a placeholder in src. */
    static String imageSource(Element img) {
        for (String attr : IMAGE_ATTRS) {
            String v = img.attr(attr).strip();
            if (!v.isEmpty() && !v.startsWith("data:") && !v.contains("blank.gif") && !v.contains("placeholder")) {
                String abs = img.absUrl(attr);
                return abs.startsWith("http") ? abs : null;
            }
        }
        String srcset = img.attr("srcset").strip();
        if (!srcset.isEmpty()) {
            String first = srcset.split("[\\s,]+")[0];
            img.attr("data-first-srcset", first);
            String abs = img.absUrl("data-first-srcset");
            return abs.startsWith("http") ? abs : null;
        }
        return null;
    }
}
