package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The day a page's address gives, read only when the page itself gives no date. */
class UrlDateTest {
    private static final Instant FETCHED = Instant.parse("2026-11-21T02:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://blog.example.org/2021/03/09/river-walk/|2021-03-09",
        "https://blog.example.org/2021/3/9/river-walk.html|2021-03-09",
        "http://news.example.cn/local/2024-01/15/c_1130012.htm|2024-01-15",
        "https://finance.example.com.cn/stock/2024-01-15/doc-inaabc.shtml|2024-01-15",
        "https://www.example.com.cn/gn/2024/01-15/10146123.shtml|2024-01-15",
        "https://example.github.io/2019-06-17-packaging-notes.html|2019-06-17",
        "http://paper.example.com.cn/n1/2024/0115/c1001-40159.html|2024-01-15",
        "https://www.example.gov.cn/zwgk/202304/t20230412_5123.html|2023-04-12",
        "https://www.example.com/news/20230412/shipyard.html|2023-04-12",
        "https://web.archive.org/web/20140226054445/http://www.example.ch/2013/08/07/kinos/|2013-08-07",
        "https://web.archive.org/web/20140226054445id_/http://www.example.ch/2013/08/07/kinos/|2013-08-07"})
    void dayInTheAddress(String url, String day) {
        PublishDateParser.Dated d = UrlDate.of(url, FETCHED);
        assertThat(d).as(url).isNotNull();
        assertThat(d.time().toString()).isEqualTo(day + "T00:00+08:00");
        assertThat(d.precision()).isEqualTo(ExtractedArticle.TimePrecision.DAY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://blog.example.org/2021/03/river-walk/", // a month's folder, not a day
        "https://blog.example.org/2021/03/15-things-to-do-by-the-river/", // a number that starts the slug
        "https://www.example.com/article/2024011512345.html", // an id longer than a date
        "https://www.example.com/archive?date=2021-03-09", // an archive's query lists other pages
        "https://www.example.com/2021/02/30/no-such-day/",
        "https://www.example.com/1987/05/01/before-the-web/",
        "https://www.example.com/2031/05/01/not-yet/",
        "https://web.archive.org/web/20140226054445/http://www.example.ch/kinos/", // the capture time is not the page's
        "/home/editor/saved/2021/03/09/river-walk.html", // where a file was saved, not where it ran
        "not a url at all"})
    void noDay(String url) {
        assertThat(UrlDate.of(url, FETCHED)).as(url).isNull();
    }

    private static ExtractedArticle extract(String head, String meta) throws Exception {
        String html = "<html><head><title>Fähre fährt im Winter seltener</title>" + head + "</head><body>"
                + "<h1>Fähre fährt im Winter seltener</h1>" + meta + "<div class=\"text\">"
                + "<p>Die Hafenfähre fährt ab kommender Woche nur noch alle vierzig Minuten statt jede halbe Stunde, teilte der Verkehrsverbund mit.</p>"
                + "<p>Die ersten beiden Abfahrten am Morgen bleiben, wie sie sind; der Sommerfahrplan gilt wieder ab April.</p></div></body></html>";
        return new ArticleExtractor().extract(html.getBytes(StandardCharsets.UTF_8), "t.html", null,
                URI.create("https://www.example.de/hafen/2022/11/07/faehre-winter/"), FETCHED);
    }

    @Test
    void pageWithoutADateTakesTheDayItsAddressGives() throws Exception {
        ExtractedArticle a = extract("", "");
        assertThat(a.publishTime()).hasToString("2022-11-07T00:00+08:00");
        assertThat(a.timePrecision()).isEqualTo(ExtractedArticle.TimePrecision.DAY);
    }

    @Test
    void datePrintedOnThePageWinsOverTheAddress() throws Exception {
        ExtractedArticle a = extract("", "<p class=\"article-date\">2022-11-08 09:15</p>");
        assertThat(a.publishTime()).hasToString("2022-11-08T09:15+08:00");
    }

    @Test
    void canonicalAddressIsReadBeforeTheAddressItWasFetchedFrom() throws Exception {
        ExtractedArticle a = extract("<link rel=\"canonical\" href=\"https://www.example.de/hafen/2022/11/05/faehre-winter/\">", "");
        assertThat(a.publishTime()).hasToString("2022-11-05T00:00+08:00");
    }
}
