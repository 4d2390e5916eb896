package io.huiwen.extract;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** HTML page → article: head metadata and byline first, then chrome removal, body detection and body reading. */
final class HtmlArticleExtractor {
    private static final Pattern DATE_NAMES = Pattern.compile("time|date|pub|publish|riqi|shijian", Pattern.CASE_INSENSITIVE);
    private static final Pattern FULL_DATE_TIME =
            Pattern.compile("^\\s*(?:19|20)\\d{2}[-/年.]\\d{1,2}[-/月.]\\d{1,2}日?\\s+\\d{1,2}:\\d{2}(:\\d{2})?\\s*$");
    private static final int MIN_BODY_CHARS = 60;
    private static final int MAX_BYLINE_TAGS = 30;

    private HtmlArticleExtractor() {}

    static ExtractedArticle extract(String html, URI baseUri, Instant fetchedAt) throws NoArticleException {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri.toString());
        if (doc.body() == null) {
            throw new NoArticleException("no article found");
        }
        MetadataReader.PageMetadata meta = MetadataReader.read(doc);
        String url = absolute(meta.url(), doc.location());
        if (!doc.location().startsWith("http") && url != null) {
            doc.setBaseUri(url);
        }
        String title = TitleChooser.choose(doc, meta);
        List<String> breadcrumb = meta.breadcrumb().isEmpty() ? BreadcrumbReader.read(doc) : meta.breadcrumb();
        String section = SectionReader.read(doc); // before chrome removal: a column name sits in the page's chrome
        ContentDensity whole = new ContentDensity(doc.body());
        BylineParser.Byline byline = findByline(doc, whole);
        OffsetDateTime published = PublishDateParser.parse(meta.published(), fetchedAt);
        if (published == null) {
            published = PublishDateParser.parse(byline.date(), fetchedAt);
        }
        if (published == null) {
            published = dateNearTitle(doc, null); // absolute dates first: "3小时前" in a sidebar is not the article's
        }
        if (published == null) {
            published = firstShortDateTime(doc, whole, fetchedAt);
        }
        if (published == null && fetchedAt != null) {
            published = dateNearTitle(doc, fetchedAt);
        }
        List<String> nextPages = NextPageFinder.find(doc, url != null ? url : doc.location());

        List<String> structuredBodies = BodyChooser.structuredBodies(doc);
        ChromeRemover.clean(doc, whole);
        ContentDensity density = new ContentDensity(doc.body());
        ArticleBody body = BodyChooser.choose(doc.body(), density, title, structuredBodies);
        if (body.textLength() < MIN_BODY_CHARS) {
            throw new NoArticleException("no article found");
        }
        String text = body.text();
        String source = byline.source() != null ? byline.source() : meta.publisher();
        String author = byline.author() != null ? byline.author() : meta.author();
        return new ExtractedArticle(url != null ? url : blankToNull(doc.location()), title, published, source, author,
                byline.editor(), breadcrumb, text, body.html(), body.images(),
                LanguageGuesser.guess(text, meta.lang()), nextPages).withSection(section);
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

    /** Pages that print the date without a label keep it in an element named for it: class="time", id="pubtime". */
    private static OffsetDateTime dateNearTitle(Document doc, Instant fetchedAt) {
        int seen = 0;
        for (Element e : doc.body().select("[class], [id], time")) {
            String names = e.className() + " " + e.id() + " " + e.normalName();
            if (!DATE_NAMES.matcher(names).find()) {
                continue;
            }
            if (++seen > 40) {
                break;
            }
            String text = e.ownText().isBlank() ? e.text() : e.ownText();
            if (text.length() <= 60) {
                OffsetDateTime t = PublishDateParser.parse(text, fetchedAt);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** Last resort: the first short text on the page that is a full date with a time ("2019-09-09 16:01:46"). */
    private static OffsetDateTime firstShortDateTime(Document doc, ContentDensity density, Instant fetchedAt) {
        for (Element e : doc.body().getAllElements()) {
            ContentDensity.Stats s = density.of(e);
            if (s.chars >= 10 && s.chars <= 30 && s.tags <= 3 && FULL_DATE_TIME.matcher(e.text()).find()) {
                return PublishDateParser.parse(e.text(), fetchedAt);
            }
        }
        return null;
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
