package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which block is the body, and which lines at its edges are not: small pages, one signal each. */
class BodyDetectionTest {
    private static final String PROSE_1 = "<p>The council voted on Monday to rebuild the old footbridge, which has been closed since the spring floods damaged its supports.</p>";
    private static final String PROSE_2 = "<p>Work will start in September and should take about eight months, the council said, at a cost shared with the regional government.</p>";
    private static final String PROSE_3 = "<p>Residents had collected more than two thousand signatures asking for the bridge to reopen, because the detour adds twenty minutes.</p>";

    private static String text(String body) throws Exception {
        String page = "<html><head><title>Footbridge to be rebuilt</title></head><body><h1>Footbridge to be rebuilt</h1>"
                + body + "</body></html>";
        return new ArticleExtractor().extract(page.getBytes(StandardCharsets.UTF_8), "t.html", null, null, null).text();
    }

    @Test
    void teaserListWithLinkedHeadlinesLosesToAShorterArticle() throws Exception {
        StringBuilder teasers = new StringBuilder("<div class=\"latest\"><ul>");
        for (int i = 0; i < 9; i++) {
            teasers.append("<li><a href=\"/s").append(i).append("\">Headline number ").append(i)
                    .append(" about another story</a> WASHINGTON: A short teaser, with a comma, that sums up that other story.</li>");
        }
        teasers.append("</ul></div>");
        String t = text(teasers + "<div class=\"story\">" + PROSE_1 + PROSE_2 + PROSE_3 + "</div>");
        assertThat(t).startsWith("The council voted").doesNotContain("teaser");
    }

    @Test
    void continuationColumnsBuiltLikeTheBestBlockAreJoined() throws Exception {
        String column = "<div class=\"col\"><div class=\"inner\">%s</div></div>";
        String t = text("<section>" + column.formatted(PROSE_1) + "<div class=\"ad\"></div>"
                + column.formatted(PROSE_2 + PROSE_3) + "</section>");
        assertThat(t).contains("The council voted", "Work will start", "Residents had collected");
    }

    @Test
    void boxBesideTheBodyWithAnotherClassIsLeftOut() throws Exception {
        String t = text("<div class=\"wrap\"><div class=\"promo\"><p>Vote now in our readers' awards, the biggest poll of the year, it is open until Friday!</p></div>"
                + "<div class=\"story\">" + PROSE_1 + PROSE_2 + PROSE_3 + "</div></div>");
        assertThat(t).startsWith("The council voted").doesNotContain("Vote now");
    }

    @Test
    void standfirstInItsOwnDivIsKept() throws Exception {
        String t = text("<div class=\"wrap\"><div class=\"summary\">The footbridge closed since the spring floods will be rebuilt, the council decided on Monday, with work starting in September and ending next spring.</div>"
                + "<div class=\"story\">" + PROSE_1 + PROSE_2 + PROSE_3 + "</div></div>");
        assertThat(t).startsWith("The footbridge closed since the spring floods");
    }

    @Test
    void captionsAndRelatedLinesInsideTheBodyAreLeftOut() throws Exception {
        String t = text("<div class=\"story\">" + PROSE_1
                + "<figure><img src=\"https://example.com/b.jpg\"><div>The bridge in April, after the flood.</div></figure>"
                + "<p><span class=\"image-caption\">Workers inspect the supports (Image: Council)</span></p>"
                + "<p>Read more: <a href=\"/x\">Flood damage across the county</a></p>"
                + "<p><a href=\"/y\">COUNCIL APPROVES NEW BUDGET FOR ROADS</a></p>"
                + PROSE_2 + "<p>Advertisement</p>" + PROSE_3 + "</div>");
        assertThat(t).doesNotContain("The bridge in April", "Workers inspect", "Read more", "COUNCIL APPROVES", "Advertisement")
                .contains("The council voted", "Work will start", "Residents had collected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Advertisement", "ADVERTISEMENT", "Related Stories", "You may also like...", "延伸阅读", "分享到：",
            "Published 11:34 PM EST Nov 19, 2019", "Updated at 1:23 p.m.", "By admin - 2018-09-16",
            "Click here to subscribe to The Daily Newsletter", "Subscribe to our magazine and stay smart.",
            "更多精彩内容请扫描二维码关注（dailynews）"})
    void boilerplateLines(String line) {
        assertThat(BoilerplateLine.isBoilerplate(line, 0)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4:14 p.m.", "— Jane Doe (@janedoe) November 18, 2019",
            "Disney continued to sign up additional subscribers, the company said.", "More than half of the town voted.",
            "He shared the photo on Monday, November 18, 2019, with his family."})
    void proseIsNotBoilerplate(String line) {
        assertThat(BoilerplateLine.isBoilerplate(line, 0)).isFalse();
    }

    @Test
    void leadInToALinkIsBoilerplateOnlyWhenTheLinkIsMostOfTheLine() {
        assertThat(BoilerplateLine.isBoilerplate("Read more: Flood damage across the county", 0.8)).isTrue();
        assertThat(BoilerplateLine.isBoilerplate("Related: the council also cut the library budget by a tenth", 0)).isFalse();
    }

    @Test
    void wholeParagraphLinkIsBoilerplateButABareAddressIsACitation() {
        assertThat(BoilerplateLine.isBoilerplate("Council approves new budget for roads", 1.0)).isTrue();
        assertThat(BoilerplateLine.isBoilerplate("http://example.com/report.pdf", 1.0)).isFalse();
    }
}
