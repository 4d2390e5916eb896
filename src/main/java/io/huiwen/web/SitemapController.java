package io.huiwen.web;

import io.huiwen.HuiwenProperties;
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

/** sitemap.xml: categories and articles; articles of the last two days carry the Google News extension. */
@RestController
class SitemapController {

    static final int MAX_URLS = 50_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final HuiwenProperties properties;
    private final Clock clock;

    SitemapController(ArticleRepository articles, CategoryRepository categories, HuiwenProperties properties, Clock clock) {
        this.clock = clock;
        this.articles = articles;
        this.categories = categories;
        this.properties = properties;
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() throws XMLStreamException {
        String base = properties.baseUrl();
        OffsetDateTime newsSince = OffsetDateTime.now(clock).minus(Duration.ofDays(2));
        StringWriter out = new StringWriter();
        XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("urlset");
        x.writeDefaultNamespace(NS);
        x.writeNamespace("news", NEWS);
        url(x, base + "/", null);
        for (var c : categories.findAll()) {
            url(x, base + "/c/" + c.slug(), null);
        }
        for (var a : articles.sitemap(MAX_URLS - 100)) {
            x.writeStartElement("url");
            FeedController.element(x, "loc", base + "/a/" + a.id());
            FeedController.element(x, "lastmod", (a.publishTime() != null ? a.publishTime() : a.lastModified()).toString());
            if (a.publishTime() != null && a.publishTime().isAfter(newsSince)) {
                x.writeStartElement("news", "news", NEWS);
                x.writeStartElement("news", "publication", NEWS);
                x.writeStartElement("news", "name", NEWS);
                x.writeCharacters(properties.siteName());
                x.writeEndElement();
                x.writeStartElement("news", "language", NEWS);
                x.writeCharacters("zh");
                x.writeEndElement();
                x.writeEndElement();
                x.writeStartElement("news", "publication_date", NEWS);
                x.writeCharacters(a.publishTime().toString());
                x.writeEndElement();
                x.writeStartElement("news", "title", NEWS);
                x.writeCharacters(XmlText.clean(a.title()));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
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
