package io.huiwen;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.article.ArticleRepository;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;

/** Reading the demo site in full-stack tests: a page as a browser receives it, an article found by its title. */
public final class DemoSite {

    public static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

    private DemoSite() {}

    /** The body of a page that must answer 200. */
    public static String page(MockMvc mvc, String path) throws Exception {
        return mvc.perform(get(path).header("User-Agent", BROWSER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The id of the newest of the first hundred articles whose title starts so. */
    public static long idOfTitle(ArticleRepository articles, String titleStart) {
        return articles.latest(1, 100).items().stream().filter(a -> a.title().startsWith(titleStart)).findFirst().orElseThrow().id();
    }

    /** Parses a feed or sitemap; fails on anything not well-formed. */
    public static Document xml(String body) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
