package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.extract.ExtractedArticle.TimePrecision;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The date a page prints beside its headline against the one in its head metadata (often the
 * moment a CMS saved the page): within a day of each other, the printed one wins, to the minute it
 * gives; a printed day without its time yields to metadata that has the time; far apart, metadata.
 */
class PrintedDateTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private ExtractedArticle page(String metaTime, String printed) throws Exception {
        String html = "<html><head><meta property=\"article:published_time\" content=\"" + metaTime + "\"></head><body>"
                + "<div class=\"top\"><h1>江北新区图书馆夜间开放</h1><div class=\"info\"><span class=\"date\">" + printed
                + "</span><span class=\"source\">来源：江北日报</span></div></div>"
                + "<div class=\"content\"><p>江北新区图书馆从下周起延长开放时间，工作日晚上开放到九点，周末全天开放，市民凭借阅证即可入馆。</p>"
                + "<p>馆方表示，夜间开放期间将增派志愿者值守，并在自习区增加座位和照明，方便下班后的读者和学生使用。</p></div></body></html>";
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "library.html", null, null, null);
    }

    @Test
    void aPrintedTimeToTheMinuteBeatsTheMetadatasTimeToTheSecondHoursLater() throws Exception {
        ExtractedArticle a = page("2026-03-05T06:52:51+08:00", "2026年03月05日 04:04");
        assertThat(a.publishTime()).isEqualTo(OffsetDateTime.parse("2026-03-05T04:04+08:00"));
        assertThat(a.timePrecision()).isEqualTo(TimePrecision.MINUTE);
    }

    @Test
    void aPrintedDayWithoutItsTimeYieldsToMetadataThatHasTheTime() throws Exception {
        ExtractedArticle a = page("2026-03-05T06:52:51+08:00", "2026-03-05");
        assertThat(a.publishTime()).isEqualTo(OffsetDateTime.parse("2026-03-05T06:52:51+08:00"));
        assertThat(a.timePrecision()).isEqualTo(TimePrecision.SECOND);
    }

    @Test
    void aPrintedDateFarFromTheMetadataIsNotTakenForIt() throws Exception {
        ExtractedArticle a = page("2026-03-05T06:52:51+08:00", "2025年11月20日 10:00");
        assertThat(a.publishTime()).isEqualTo(OffsetDateTime.parse("2026-03-05T06:52:51+08:00"));
    }

    private ExtractedArticle withComments(String head, String article, String comments) throws Exception {
        String html = "<html><head>" + head + "</head><body><div class=\"story\"><h1>Fähre fährt im Winter seltener</h1>" + article
                + "<div class=\"text\"><p>Die Hafenfähre fährt ab kommender Woche nur noch alle vierzig Minuten, teilte der Verkehrsverbund mit.</p>"
                + "<p>Die ersten beiden Abfahrten am Morgen bleiben, wie sie sind; der Sommerfahrplan gilt wieder ab April.</p></div></div>"
                + "<section class=\"sect_comments\"><h2>Leserkommentare</h2><ul>" + comments + "</ul></section></body></html>";
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "faehre.html", null, null, null);
    }

    private static String comment(String iso, String printed) {
        return "<li class=\"member\"><a class=\"author\" href=\"/u/1\">Leser" + iso.substring(11, 13) + "</a><time datetime=\"" + iso + "\">"
                + printed + "</time><p>Das war doch absehbar, im Winter fahren morgens ohnehin kaum Leute mit der Fähre über den Hafen, "
                + "und abends sieht es nicht anders aus. Trotzdem schade für alle, die keine Alternative haben und auf die Fähre angewiesen sind.</p></li>";
    }

    @Test
    void aReadersCommentsTimesAreNotThePagesDate() throws Exception {
        String comments = comment("2026-03-06T13:47:02+01:00", "06. 03. 2026, 13:47") + comment("2026-03-06T14:05:40+01:00", "06. 03. 2026, 14:05");
        ExtractedArticle a = withComments("<meta property=\"article:published_time\" content=\"2026-03-05T18:54:00+01:00\">", "", comments);
        assertThat(a.publishTime()).isEqualTo(OffsetDateTime.parse("2026-03-05T18:54:00+01:00"));
        // with nothing else on the page, a comment's time is still not the page's
        assertThat(withComments("", "", comments).publishTime()).isNull();
    }

    @Test
    void anInternetMessageDateInMetadataKeepsItsTimeAndZone() throws Exception {
        ExtractedArticle a = withComments("<meta property=\"article:published_time\" content=\"Thu, 05 Mar 2026 17:54:09 GMT\">", "", "");
        assertThat(a.publishTime()).isEqualTo(OffsetDateTime.parse("2026-03-05T17:54:09Z"));
        assertThat(a.timePrecision()).isEqualTo(TimePrecision.SECOND);
        a = withComments("<meta name=\"pubdate\" content=\"Thu, 5 Mar 2026 17:54 +0100\">", "", "");
        assertThat(a.publishTime()).isEqualTo(OffsetDateTime.parse("2026-03-05T17:54+01:00"));
        assertThat(a.timePrecision()).isEqualTo(TimePrecision.MINUTE);
    }
}
