package io.huiwen.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * The body as a sequence of blocks (paragraphs, subheadings, list items, figures), rendered once
 * into plain text and sanitized HTML so the two always agree. Captions go to figures, never to text.
 */
final class ArticleBody {
    enum Kind { PARAGRAPH, HEADING, ITEM, FIGURE, EMBED }

    /**
     * One block; {@code html} is optional inline markup of a paragraph, {@code src} the image of a
     * figure and {@code alt} that image's text alternative as the source wrote it (blank when none).
     */
    record Block(Kind kind, String text, String html, String src, String alt) {

        Block(Kind kind, String text, String html, String src) {
            this(kind, text, html, src, "");
        }
    }

    private static final int MAX_LABEL_CHARS = 60;
    private static final int MAX_ABOUT_BLOCKS = 4;
    /** "Acme Corp. is a global provider …", "Die Muster GmbH ist ein …", "Acme es una empresa …". */
    private static final java.util.regex.Pattern PRESENTS_A_NAME = java.util.regex.Pattern.compile(
            "\\p{Lu}[\\p{L}\\d&.'’-]*( [\\p{Lu}\\d&][\\p{L}\\d&.'’-]*){0,4},? (is|ist|es|est|è|jest) "
                    + "(a|an|the|one of|ein|eine|einer|der|die|una|uno|un|une|la|el|le|il|l'|jednym|wiodącym)\\b");
    /** Words that name further reading, in the languages of the pages we read. */
    private static final java.util.regex.Pattern READING_LABEL = java.util.regex.Pattern.compile(
            "(?iu)\\b(more|related|stories|read|also|mehr|weitere|artikel|lesen|más|también|plus|aussi|altri|anche|więcej|"
                    + "także|leia)\\b|更多|相关|推荐|延伸");

    private final List<Block> blocks = new ArrayList<>();

    void paragraph(String text, String inlineHtml) {
        add(Kind.PARAGRAPH, text, inlineHtml);
    }

    void heading(String text) {
        add(Kind.HEADING, text, null);
    }

    void item(String text, String inlineHtml) {
        add(Kind.ITEM, text, inlineHtml);
    }

    void image(String src, String alt) {
        if (src != null && blocks.stream().noneMatch(b -> b.kind() == Kind.FIGURE && src.equals(b.src()))) {
            blocks.add(new Block(Kind.FIGURE, null, null, src, alt == null ? "" : alt.strip()));
        }
    }

    /** A video, audio or other embedded player, kept as a link to it; never part of the text. */
    void embed(String src, String label) {
        if (src != null && blocks.stream().noneMatch(b -> b.kind() == Kind.EMBED && src.equals(b.src()))) {
            blocks.add(new Block(Kind.EMBED, label, null, src));
        }
    }

    /** A caption belongs to the figure just before it when that one has none, else it stands alone. */
    void caption(String caption) {
        String c = caption.strip();
        if (c.isEmpty()) {
            return;
        }
        if (!blocks.isEmpty()) {
            Block last = blocks.get(blocks.size() - 1);
            if (last.kind() == Kind.FIGURE && last.text() == null) {
                blocks.set(blocks.size() - 1, new Block(Kind.FIGURE, c, null, last.src(), last.alt()));
                return;
            }
        }
        blocks.add(new Block(Kind.FIGURE, c, null, null));
    }

    private void add(Kind kind, String text, String html) {
        String t = text == null ? "" : text.strip();
        if (!t.isEmpty()) {
            blocks.add(new Block(kind, t, html, null));
        }
    }

    /**
     * Removes the last block when it is the label of a list of further reading that was left out: a
     * subheading, or a short line that does not end like a sentence and names more reading ("More:",
     * "More Great Stories", "Weitere Artikel", 更多新闻).
     */
    void dropLabel() {
        if (blocks.isEmpty()) {
            return;
        }
        Block last = blocks.get(blocks.size() - 1);
        if ((last.kind() == Kind.HEADING || last.kind() == Kind.PARAGRAPH) && isLabel(last.text())
                && (last.kind() == Kind.HEADING || READING_LABEL.matcher(last.text()).find())) {
            blocks.remove(blocks.size() - 1);
        }
    }

    /**
     * Press releases and company blogs close with a standard paragraph about the company, set off by a
     * rule ({@code ruleAt}: the blocks read before it), whose first sentence presents a name ("Acme is a
     * global provider of …", "Die Muster GmbH ist ein …"). A short run like that after the last rule is
     * not the story. (A heading "About Acme" alone is not enough: some releases print that section as
     * part of the text.)
     */
    void dropAboutTheCompany(int ruleAt) {
        if (ruleAt > 0 && ruleAt < blocks.size() && blocks.size() - ruleAt <= MAX_ABOUT_BLOCKS) {
            Block first = blocks.get(ruleAt);
            if (first.kind() == Kind.PARAGRAPH && PRESENTS_A_NAME.matcher(first.text()).lookingAt()) {
                blocks.subList(ruleAt, blocks.size()).clear();
            }
        }
    }

    /** Subheadings at the very end introduce nothing; a pull quote there ends like a sentence and stays. */
    void dropTrailingHeadings() {
        while (!blocks.isEmpty() && blocks.get(blocks.size() - 1).kind() == Kind.HEADING
                && isLabel(blocks.get(blocks.size() - 1).text())) {
            blocks.remove(blocks.size() - 1);
        }
    }

    private static boolean isLabel(String text) {
        if (text.length() > MAX_LABEL_CHARS) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return ".!?。！？\"”»)）".indexOf(last) < 0;
    }

    List<Block> blocks() {
        return blocks;
    }

    /** True when the last block is a picture still without its caption: a short line now may be the caption. */
    boolean awaitsCaption() {
        return !blocks.isEmpty() && blocks.get(blocks.size() - 1).kind() == Kind.FIGURE && blocks.get(blocks.size() - 1).text() == null
                && blocks.get(blocks.size() - 1).src() != null;
    }

    boolean isEmpty() {
        return blocks.stream().allMatch(b -> b.kind() == Kind.FIGURE || b.kind() == Kind.EMBED);
    }

    int textLength() {
        return blocks.stream().filter(b -> b.kind() != Kind.FIGURE && b.kind() != Kind.EMBED).mapToInt(b -> b.text().length()).sum();
    }

    String text() {
        List<String> parts = new ArrayList<>();
        for (Block b : blocks) {
            if (b.kind() != Kind.FIGURE && b.kind() != Kind.EMBED) {
                parts.add(b.text());
            }
        }
        return String.join("\n\n", parts);
    }

    String html() {
        StringBuilder out = new StringBuilder();
        boolean inList = false;
        for (Block b : blocks) {
            if (inList && b.kind() != Kind.ITEM) {
                out.append("</ul>");
                inList = false;
            }
            switch (b.kind()) {
                case PARAGRAPH -> out.append("<p>").append(inline(b)).append("</p>");
                case HEADING -> out.append("<h2>").append(escape(b.text())).append("</h2>");
                case ITEM -> {
                    if (!inList) {
                        out.append("<ul>");
                        inList = true;
                    }
                    out.append("<li>").append(inline(b)).append("</li>");
                }
                case FIGURE -> {
                    out.append("<figure>");
                    if (b.src() != null) {
                        out.append("<img src=\"").append(escape(b.src())).append("\" alt=\"").append(escape(b.alt())).append("\" />");
                    }
                    if (b.text() != null) {
                        out.append("<figcaption>").append(escape(b.text())).append("</figcaption>");
                    }
                    out.append("</figure>");
                }
                case EMBED -> out.append("<p><a href=\"").append(escape(b.src())).append("\">")
                        .append(escape(b.text())).append("：").append(escape(b.src())).append("</a></p>");
            }
        }
        if (inList) {
            out.append("</ul>");
        }
        return BodySanitizer.sanitize(out.toString());
    }

    List<ExtractedArticle.Image> images() {
        List<ExtractedArticle.Image> images = new ArrayList<>();
        for (Block b : blocks) {
            if (b.kind() == Kind.FIGURE) {
                images.add(new ExtractedArticle.Image(b.src(), b.text()));
            }
        }
        return images;
    }

    private static String inline(Block b) {
        return b.html() != null ? b.html() : escape(b.text());
    }

    private static String escape(String s) {
        return Entities.escape(s);
    }
}
