package io.huiwen.web;

import io.huiwen.HuiwenProperties;
import io.huiwen.SiteUrl;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.CategoryRepository;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * sitemap.xml (home, categories and every article; the articles of the last two days also carry
 * the news extension, as INTERFACES.md promises), sitemap-news.xml (the Google News sitemap: the
 * articles of the last two days only) and robots.txt, which names both.
 */
@RestController
class SitemapController {

    static final int MAX_URLS = 50_000;
    /** Google News: at most 1,000 articles, of the last two days. */
    static final int MAX_NEWS = 1_000;
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final HuiwenProperties properties;
    private final SiteUrl site;
    private final Clock clock;

    SitemapController(ArticleRepository articles, CategoryRepository categories, HuiwenProperties properties, SiteUrl site, Clock clock) {
        this.site = site;
        this.clock = clock;
        this.articles = articles;
        this.categories = categories;
        this.properties = properties;
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() throws XMLStreamException {
        String base = site.base();
        StringWriter out = new StringWriter();
        XMLStreamWriter x = urlset(out);
        url(x, base + "/", null);
        for (var c : categories.findAll()) {
            url(x, base + "/c/" + c.slug(), null);
        }
        OffsetDateTime since = OffsetDateTime.now(clock).minus(NEWS_WINDOW);
        int news = 0;
        for (var a : articles.sitemap(MAX_URLS - 100)) {
            x.writeStartElement("url");
            FeedController.element(x, "loc", base + "/a/" + a.id());
            FeedController.element(x, "lastmod", a.publishTime() != null ? published(a) : a.lastModified().toString());
            if (isNews(a.publishTime(), since) && news < MAX_NEWS) {
                news++;
                newsBlock(x, published(a), a.title());
            }
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        return xml(out);
    }

    /** A sitemap's {@code <urlset>} opened on {@code out}, with the news extension's namespace. */
    private static XMLStreamWriter urlset(StringWriter out) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("urlset");
        x.writeDefaultNamespace(NS);
        x.writeNamespace("news", NEWS);
        return x;
    }

    /**
     * The Google News sitemap: only the articles published in the last two days (Google News reads
     * no older ones), each with its publication, date and title. An undated article is never news.
     */
    @GetMapping("/sitemap-news.xml")
    ResponseEntity<String> news() throws XMLStreamException {
        String base = site.base();
        OffsetDateTime since = OffsetDateTime.now(clock).minus(NEWS_WINDOW);
        StringWriter out = new StringWriter();
        XMLStreamWriter x = urlset(out);
        int listed = 0;
        for (var a : articles.sitemap(MAX_URLS - 100)) {
            if (!isNews(a.publishTime(), since) || listed == MAX_NEWS) {
                continue;
            }
            listed++;
            x.writeStartElement("url");
            FeedController.element(x, "loc", base + "/a/" + a.id());
            newsBlock(x, published(a), a.title());
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        return xml(out);
    }

    /** Everything readers see may be crawled; the admin, the API, sign-in and search pages may not. Both sitemaps named absolutely. */
    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    String robots() {
        String base = site.base();
        return """
                User-agent: *
                Allow: /
                Disallow: /admin
                Disallow: /api/
                Disallow: /login
                Disallow: /search

                Sitemap: %s/sitemap.xml
                Sitemap: %s/sitemap-news.xml
                """.formatted(base, base);
    }

    /** Published within the news window; an undated article is never news. */
    private static boolean isNews(OffsetDateTime published, OffsetDateTime since) {
        return published != null && published.isAfter(since);
    }

    /** An article's {@code <news:news>}: the publication, its date and title. */
    /** A W3C datetime as the page gave it: a date-only article's date alone (2019-06-15), not its midnight. */
    private static String published(ArticleRepository.SitemapEntry a) {
        return a.dateOnly() ? Display.iso(a.publishTime(), true) : a.publishTime().toString();
    }

    private void newsBlock(XMLStreamWriter x, String published, String title) throws XMLStreamException {
        x.writeStartElement("news", "news", NEWS);
        x.writeStartElement("news", "publication", NEWS);
        newsElement(x, "name", properties.siteName());
        newsElement(x, "language", "zh");
        x.writeEndElement();
        newsElement(x, "publication_date", published);
        newsElement(x, "title", XmlText.clean(title));
        x.writeEndElement();
    }

    private static void newsElement(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement("news", name, NEWS);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static ResponseEntity<String> xml(StringWriter out) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xml;charset=UTF-8")).body(out.toString());
    }

    private static void url(XMLStreamWriter x, String loc, String lastmod) throws XMLStreamException {
        x.writeStartElement("url");
        FeedController.element(x, "loc", loc);
        if (lastmod != null) {
            FeedController.element(x, "lastmod", lastmod);
        }
        x.writeEndElement();
    }
}
