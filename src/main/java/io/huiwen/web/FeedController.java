package io.huiwen.web;

import io.huiwen.HuiwenProperties;
import io.huiwen.SiteUrl;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import java.io.StringWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** RSS 2.0 for the whole site and per category, and an Atom feed, written with a streaming XML writer (always well-formed). */
@RestController
class FeedController {

    static final int ITEMS = 30;
    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final HuiwenProperties properties;
    private final SiteUrl site;
    private final Clock clock;

    FeedController(ArticleRepository articles, CategoryRepository categories, HuiwenProperties properties, SiteUrl site, Clock clock) {
        this.site = site;
        this.clock = clock;
        this.articles = articles;
        this.categories = categories;
        this.properties = properties;
    }

    @GetMapping("/feed.xml")
    ResponseEntity<String> site() throws XMLStreamException {
        return rss(properties.siteName(), site.base() + "/", articles.newest(ITEMS));
    }

    @GetMapping("/c/{slug}/feed.xml")
    ResponseEntity<String> category(@PathVariable String slug) throws XMLStreamException {
        Category c = categories.findBySlug(slug).orElseThrow(() -> new NotFoundException("category " + slug));
        return rss(c.name() + " - " + properties.siteName(), site.base() + "/c/" + slug, articles.newestIn(c.id(), ITEMS));
    }

    private ResponseEntity<String> rss(String title, String link, List<ArticleSummary> items) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("rss");
        x.writeAttribute("version", "2.0");
        x.writeNamespace("atom", "http://www.w3.org/2005/Atom");
        x.writeStartElement("channel");
        element(x, "title", title);
        element(x, "link", link);
        element(x, "description", properties.siteName() + "：最新新闻");
        element(x, "language", "zh-cn");
        x.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
        x.writeAttribute("href", site.base() + "/feed.xml");
        x.writeAttribute("rel", "self");
        x.writeAttribute("type", "application/rss+xml");
        for (ArticleSummary a : items) {
            x.writeStartElement("item");
            element(x, "title", a.title());
            element(x, "link", articleUrl(a));
            x.writeStartElement("guid");
            x.writeAttribute("isPermaLink", "true");
            x.writeCharacters(articleUrl(a));
            x.writeEndElement();
            element(x, "description", a.excerpt());
            if (a.publishTime() != null) {
                // RSS and Atom need a time of day: a date-only article is stored, and so sent, as midnight Beijing time
                element(x, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(a.publishTime()));
            }
            if (a.category() != null) {
                element(x, "category", a.category().name());
            }
            if (a.source() != null) {
                element(x, "author", "noreply@huiwen.invalid (" + a.source() + ")");
            }
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        return ResponseEntity.ok().contentType(RSS).body(out.toString());
    }

    @GetMapping("/atom.xml")
    ResponseEntity<String> atom() throws XMLStreamException {
        List<ArticleSummary> items = articles.newest(ITEMS);
        StringWriter out = new StringWriter();
        XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("feed");
        x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
        element(x, "title", properties.siteName());
        element(x, "id", site.base() + "/");
        element(x, "updated", (items.isEmpty() ? OffsetDateTime.now(clock) : updated(items.get(0))).toString());
        x.writeEmptyElement("link");
        x.writeAttribute("href", site.base() + "/atom.xml");
        x.writeAttribute("rel", "self");
        for (ArticleSummary a : items) {
            x.writeStartElement("entry");
            element(x, "title", a.title());
            element(x, "id", articleUrl(a));
            x.writeEmptyElement("link");
            x.writeAttribute("href", articleUrl(a));
            element(x, "updated", updated(a).toString());
            if (a.publishTime() != null) {
                element(x, "published", a.publishTime().toString());
            }
            x.writeStartElement("author");
            element(x, "name", a.source() != null ? a.source() : properties.siteName());
            x.writeEndElement();
            element(x, "summary", a.excerpt());
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        return ResponseEntity.ok().contentType(ATOM).body(out.toString());
    }

    private static OffsetDateTime updated(ArticleSummary a) {
        return a.publishTime() != null ? a.publishTime() : a.collectedAt();
    }

    private String articleUrl(ArticleSummary a) {
        return site.base() + "/a/" + a.id();
    }

    static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text == null ? "" : XmlText.clean(text));
        x.writeEndElement();
    }
}
