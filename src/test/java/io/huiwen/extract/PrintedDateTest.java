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
}
