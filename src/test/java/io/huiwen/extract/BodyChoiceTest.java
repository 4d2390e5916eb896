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
                + "<div class=\"likes-box\">Gefällt mir: Gefällt mir, Wird geladen …</div>");
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

    private static final String STORY = "<p>Zwei Fotografen haben einen Film geteilt, der erst in Tokio und dann in Leipzig belichtet wurde.</p>"
            + "<p>Das Ergebnis sind vierzig Doppelbelichtungen, die nun in einer kleinen Galerie am Markt zu sehen sind.</p>"
            + "<p>Die Ausstellung ist bis Ende Mai geöffnet, der Eintritt ist frei, sagte die Galeristin am Montag.</p>";

    @Test
    void consentBoxWithMoreProseThanTheArticleIsNotTheBody() throws Exception {
        StringBuilder consent = new StringBuilder("<div class=\"cookie-preference\">");
        for (int i = 0; i < 4; i++) {
            consent.append("<p>Wir verwenden Cookies und andere Technologien auf unserer Website, einige sind essenziell, ")
                    .append("während andere uns helfen, diese Website und Ihre Erfahrung zu verbessern.</p>");
        }
        String t = text("", consent + "</div><div class=\"story\">" + STORY + "</div>");
        assertThat(t).startsWith("Zwei Fotografen").doesNotContain("Cookies");
    }

    @Test
    void paragraphsNamedInAnotherLanguageAreKeptAndItsFooterNamesAreLeftOut() throws Exception {
        // "dig" is a vote button's name on Chinese portals; "absatz" (German: paragraph) says this one is text
        String paragraphs = STORY.replace("<p>", "<div class=\"dig-absatz\">").replace("</p>", "</div>");
        String t = text("", "<div class=\"dig-artikel\">" + paragraphs + "</div>"
                + "<div class=\"fusszeile\"><p>Alle Rechte vorbehalten, die Redaktion erreichen Sie werktags von acht bis achtzehn Uhr, "
                + "außer an Feiertagen, telefonisch oder per Brief.</p></div>");
        assertThat(t).startsWith("Zwei Fotografen").contains("Eintritt ist frei").doesNotContain("Rechte vorbehalten");
    }

    @Test
    void tickerOfNumbersIsNotProse() throws Exception {
        StringBuilder ticker = new StringBuilder("<div class=\"stock-bar\">");
        for (int i = 0; i < 40; i++) {
            ticker.append("<span>INDEX").append(i).append(' ').append(3000 + i).append(".0").append(i % 10)
                    .append(" -0.").append(i).append("% 1,").append(200 + i).append(".5</span>");
        }
        String t = text("", ticker + "</div><div class=\"story\">" + STORY + "</div>");
        assertThat(t).startsWith("Zwei Fotografen").doesNotContain("INDEX");
    }

    @Test
    void markedBodyIsNotJoinedByATrailerBuiltLikeIt() throws Exception {
        String t = text("", "<div class=\"wrap\"><section itemprop=\"articleBody\">" + STORY + "</section>"
                + "<p>Die Redaktion freut sich über Leserbriefe zu diesem und jedem anderen Artikel, "
                + "hier finden Sie unsere Hinweise und die Adresse.</p></div>");
        assertThat(t).startsWith("Zwei Fotografen").endsWith("sagte die Galeristin am Montag.");
    }
}
