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

    /**
     * Two columns that score the same (a page printing its recipe or its story twice, for screen and for print):
     * the earlier one wins, whatever the extractor read before. The tie was once broken by identity hash order,
     * so the stored body of a page depended on which pages the same thread had read before it.
     */
    @Test
    void tieBetweenEquallyScoredBlocksGoesToTheEarlierOneEveryTime() throws Exception {
        String column = "<div class=\"col-%s\"><div class=\"box\"><p>%s</p><p>%s</p><p>%s</p><p>%s</p></div></div>";
        String body = "<div class=\"main\">"
                + column.formatted("a", "第一栏：沿河步道今年春天全线贯通，全长十二公里，沿途新设了六处休息亭和两座观景平台。",
                        "附近居民说，傍晚散步的人明显多了起来，不少人还带着孩子来河边放风筝、看落日。",
                        "管理处介绍，步道夜间照明已经改为节能灯具，每晚十点以后亮度自动调低一半。",
                        "下一步，沿线还将补种乔木三千株，并在两处桥下增设自行车停放点和饮水设施。")
                + column.formatted("b", "第二栏：湖边绿道今年秋天全线开放，全长十五公里，沿途新建了八处驿站和三座观鸟小平台。",
                        "周边商户说，周末骑车的人明显多了起来，不少家庭还专门租车来湖边野餐、拍照片。",
                        "养护队介绍，绿道路面已经换成透水材料，雨后半小时之内就不会再有明显积水。",
                        "明年开春，湖边还将补种花灌木五千株，并在三处入口增设公交接驳站和问询台。")
                + "</div>";
        java.util.Random churn = new java.util.Random(7);
        for (int round = 0; round < 24; round++) {
            for (int i = churn.nextInt(64); i >= 0; i--) {
                System.identityHashCode(new Object()); // moves this thread's identity hash sequence, as reading other pages does
            }
            assertThat(text("", body)).as("round %d", round).startsWith("第一栏").doesNotContain("第二栏");
        }
    }
}
