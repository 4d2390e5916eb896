package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which block is the body when the usual paragraph vote has little to go on: short bodies, marked bodies, script-rendered pages, layout wrappers. */
class BodyChoiceTest {
    private static String page(String head, String body) {
        return "<html><head><title>Filmtausch mit Tokio</title>" + head + "</head><body><h1>Filmtausch mit Tokio</h1>"
                + body + "</body></html>";
    }

    private static String text(String head, String body) throws Exception {
        return new ArticleExtractor().extract(page(head, body).getBytes(StandardCharsets.UTF_8), "t.html", null, null, null).text();
    }

    @Test
    void shortBodyOfOneLineParagraphsBeatsALikeWidget() throws Exception {
        String t = text("", "<div class=\"entry-content\"><h3>Standorte</h3><p>Shuji: Japan.</p><p>Walter: Deutschland.</p>"
                + "<h3>Filmmaterial</h3><p>Fuji X-TRA 400.</p><h3>Kameras</h3><p>Shuji: Widelux.</p><p>Walter: Pentax Z-1p.</p>"
                + "<h3>Belichtungsfolge</h3><p>Zuerst Shuji, dann Walter.</p></div>"
                + "<div class=\"likes-box\"><span>Gefällt mir:</span> <span>Wird geladen …</span></div>");
        assertThat(t).contains("Shuji: Japan.", "Fuji X-TRA 400.", "Zuerst Shuji, dann Walter.");
    }

    @Test
    void bodyMarkedAsArticleBodyBeatsALongerMetadataBoxNamedArticle() throws Exception {
        String t = text("", "<div class=\"article-info\"><p>Von Anna Berger, Redakteurin für Kultur, Kino und Fotografie, seit 2009 im Haus.</p>"
                + "<p>Veröffentlicht am 3. April, aktualisiert am 4. April, Lesezeit: drei Minuten, zwölf Kommentare.</p></div>"
                + "<div class=\"col-main\"><div itemprop=\"articleBody\">Zwei Fotografen, ein Film, zwei Kontinente.<br>"
                + "Shuji belichtete in Tokio, Walter danach in Leipzig.<br>Das Ergebnis: vierzig Doppelbelichtungen.</div></div>");
        assertThat(t).contains("Zwei Fotografen, ein Film", "vierzig Doppelbelichtungen").doesNotContain("Lesezeit");
    }

    @Test
    void pageRenderedByScriptFallsBackToItsJsonLdArticleBody() throws Exception {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Filmtausch mit Tokio\","
                + "\"articleBody\":\"Zwei Fotografen haben einen Film geteilt, der erst in Tokio und dann in Leipzig belichtet wurde.\\n"
                + "Das Ergebnis sind vierzig Doppelbelichtungen, die nun in einer kleinen Galerie zu sehen sind.\"}</script>";
        String t = text(ld, "<div id=\"app\"><div class=\"loading\">Wird geladen</div></div>");
        assertThat(t).isEqualTo("Zwei Fotografen haben einen Film geteilt, der erst in Tokio und dann in Leipzig belichtet wurde.\n\n"
                + "Das Ergebnis sind vierzig Doppelbelichtungen, die nun in einer kleinen Galerie zu sehen sind.");
    }

    @Test
    void pageWithoutTextIsStillRefused() {
        byte[] bytes = page("", "<div id=\"app\"><a href=\"/\">Start</a> <a href=\"/blog\">Blog</a></div>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ArticleExtractor().extract(bytes, "t.html", null, null, null))
                .isInstanceOf(NoArticleException.class);
    }
}
