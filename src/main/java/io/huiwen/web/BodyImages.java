package io.huiwen.web;

import io.huiwen.article.Article;
import io.huiwen.extract.ExtractedArticle.Image;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Points the images of an article body at {@link ImageProxy}, so they load from Huiwen, not from the outlet. */
final class BodyImages {

    private BodyImages() {}

    static String proxied(Article article) {
        List<Image> images = article.images();
        if (images.stream().noneMatch(i -> i.src() != null)) {
            return article.html();
        }
        Document body = Jsoup.parseBodyFragment(article.html());
        body.outputSettings().prettyPrint(false);
        for (Element img : body.select("img[src]")) {
            String src = img.attr("src");
            for (int i = 0; i < images.size(); i++) {
                if (src.equals(images.get(i).src())) {
                    img.attr("src", "/img/" + article.id() + "/" + i);
                    img.attr("loading", "lazy");
                    break;
                }
            }
        }
        return body.body().html();
    }
}
