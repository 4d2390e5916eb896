package io.huiwen.extract;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** HTML page → article: head metadata and byline first, then chrome removal, body detection and body reading. */
final class HtmlArticleExtractor {
    static final int MIN_BODY_CHARS = 60;
    private static final int MAX_BYLINE_TAGS = 30;

    private HtmlArticleExtractor() {}

    static ExtractedArticle extract(String html, URI baseUri, Instant fetchedAt) throws NoArticleException {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri.toString());
        if (doc.body() == null) {
            throw new NoArticleException("no article found");
        }
        // ruby annotations (furigana, pinyin) are a reading aid printed above the words: read as text they
        // double every annotated word (子こども), in the headline as in the body
        doc.body().select("rt, rp").remove();
        MetadataReader.PageMetadata meta = MetadataReader.read(doc);
        String url = absolute(meta.url(), doc.location());
        if (!doc.location().startsWith("http") && url != null) {
            doc.setBaseUri(url);
        }
        String title = TitleChooser.choose(doc, meta);
        List<String> breadcrumb = meta.breadcrumb().isEmpty() ? BreadcrumbReader.read(doc) : meta.breadcrumb();
        String section = SectionReader.read(doc); // before chrome removal: a column name sits in the page's chrome
        List<String> titleTrail = SectionReader.titleTrail(doc, title);
        ContentDensity whole = new ContentDensity(doc.body());
        BylineParser.Byline byline = findByline(doc, whole);
        PublishDateParser.Dated published = PublishDateFinder.find(doc, whole, meta.published(), byline.date(), fetchedAt,
                url != null ? url : doc.location());
        Attribution who = Attribution.find(doc, whole, meta, byline, url, title);
        List<String> nextPages = NextPageFinder.find(doc, url != null ? url : doc.location());

        List<String> structuredBodies = BodyChooser.structuredBodies(doc);
        ChromeRemover.clean(doc, whole, title);
        ContentDensity density = new ContentDensity(doc.body());
        ArticleBody body = BodyChooser.choose(doc.body(), density, title, structuredBodies);
        if (body.textLength() < MIN_BODY_CHARS) {
            throw new NoArticleException("no article found");
        }
        String text = body.text();
        who = who.withLead(text);
        return new ExtractedArticle(url != null ? url : blankToNull(doc.location()), title,
                published == null ? null : published.time(), who.source(), who.author(), who.editor(), breadcrumb, text,
                body.html(), body.images(), LanguageGuesser.guess(text, meta.lang()), nextPages,
                published == null ? null : published.precision(), section, who.platform(), titleTrail);
    }

    /** The first byline line on the page (日期/来源/作者), with an editor line (责任编辑) that may come later. */
    private static BylineParser.Byline findByline(Document doc, ContentDensity density) {
        String date = null;
        String source = null;
        String author = null;
        String editor = null;
        int labels = 0;
        for (Element e : doc.body().getAllElements()) {
            ContentDensity.Stats s = density.of(e);
            if (s.chars < 4 || s.chars > 200 || s.tags > MAX_BYLINE_TAGS || s.linkDensity() > 0.8) {
                continue;
            }
            String text = e.text();
            if (!BylineParser.isByline(text)) {
                continue;
            }
            BylineParser.Byline b = BylineParser.parse(text);
            date = date == null ? b.date() : date;
            source = source == null ? b.source() : source;
            author = author == null ? b.author() : author;
            editor = editor == null ? b.editor() : editor;
            labels += b.labels();
            if (date != null && source != null && editor != null) {
                break;
            }
        }
        return new BylineParser.Byline(date, source, author, editor, labels);
    }

    private static String absolute(String url, String base) {
        if (url == null) {
            return null;
        }
        try {
            URI u = base.isEmpty() ? new URI(url) : new URI(base).resolve(url);
            return u.isAbsolute() && u.getScheme().startsWith("http") ? u.toString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
