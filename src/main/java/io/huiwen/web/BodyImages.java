package io.huiwen.web;

import io.huiwen.article.Article;
import io.huiwen.article.DemoPictures;
import io.huiwen.extract.ExtractedArticle.Image;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Points the images of an article body at {@link ImageProxy}, so they load from Huiwen, not from
 * the outlet. A figure left without its picture (the page lost it, or it was no image we could
 * keep) is never shown as an empty box: its caption stays as a plain note, {@code <p class="caption-note">},
 * so the words are still read (and still searched: the index reads the stored body, not this).
 * A figure that opens the body is the article's lead image: marked {@code lead-figure} and loaded
 * at once rather than lazily.
 */
final class BodyImages {

    private BodyImages() {}

    static String proxied(Article article) {
        List<Image> images = article.images();
        Document body = Jsoup.parseBodyFragment(article.html());
        body.outputSettings().prettyPrint(false);
        for (Element img : body.select("img[src]")) {
            String src = img.attr("src");
            for (int i = 0; i < images.size(); i++) {
                if (src.equals(images.get(i).src())) {
                    img.attr("src", "/img/" + article.id() + "/" + i);
                    img.attr("loading", "lazy");
                    if (DemoPictures.isDemo(src)) { // drawn at a known size: no layout shift
                        img.attr("width", String.valueOf(DemoPictures.WIDTH)).attr("height", String.valueOf(DemoPictures.HEIGHT));
                    }
                    break;
                }
            }
        }
        for (Element figure : body.select("figure")) {
            if (figure.selectFirst("img[src]") != null) {
                continue;
            }
            String caption = figure.text().strip();
            if (caption.isEmpty()) {
                figure.remove();
            } else {
                Element note = new Element("p").addClass("caption-note").text(caption);
                figure.replaceWith(note);
            }
        }
        Element first = body.body().firstElementChild();
        if (first != null && first.nameIs("figure")) { // the lead image: shown at once, not lazily
            first.addClass("lead-figure");
            first.select("img").attr("loading", "eager").attr("fetchpriority", "high");
        }
        return body.body().html();
    }
}
