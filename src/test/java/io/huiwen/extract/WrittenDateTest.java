package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.extract.ExtractedArticle.TimePrecision;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates printed day first or with the month's name, in the languages of the pages we read, taken as the day they name. */
class WrittenDateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "06.12.2022|2022-12-06",
        "Lübeck, 31. März 2003|2003-03-31",
        "Samstag, 5. Oktober 2013|2013-10-05",
        "28. Jan. 2022|2022-01-28",
        "Published on August 19, 2019|2019-08-19",
        "Apr 7, 2009|2009-04-07",
        "19 November 2019, 09:01 AM|2019-11-19",
        "le 12 mars 2021|2021-03-12",
        "12 de marzo de 2021|2021-03-12",
        "Opublikowano: 3 lutego 2022|2022-02-03",
    })
    void writtenDateIsTheDayItNames(String printed, String day) {
        PublishDateParser.Dated d = PublishDateParser.dated(printed, null);
        assertThat(d).isNotNull();
        assertThat(d.time().toLocalDate()).isEqualTo(LocalDate.parse(day));
        assertThat(d.precision()).isEqualTo(TimePrecision.DAY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"05/04/2021", "31.02.2022", "Seite 12 von 2021 Einträgen", "28.09.1912:44"})
    void ambiguousOrImpossibleDatesAreNotTaken(String printed) {
        assertThat(PublishDateParser.dated(printed, null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"<span class=\"meta__date\">06.12.2022</span>|2022-12-06",
        "<p class=\"article-date\">02. Februar 2022</p>|2022-02-02",
        // a date line under the headline in an element named nothing like a date
        "<div class=\"article-metadata\"><span>Lübeck, 31. März 2003</span></div>|2003-03-31",
        "<p class=\"meta-info\">03.02.2022 15:34</p>|2022-02-03",
        // schema.org microdata in the body: the attribute is the date, the text only a day and month
        "<span class=\"text-capitalize\" itemprop=\"datePublished\" datetime=\"2022-02-04\">04. Februar</span>|2022-02-04"})
    void pageThatPrintsOnlySuchADateIsDatedByIt(String dateLine, String day) throws Exception {
        String html = "<html><head><title>Wärmepumpen im Altbau</title></head><body><h1>Wärmepumpen im Altbau</h1>" + dateLine
                + "<div class=\"text\"><p>Wärmepumpen lassen sich auch in älteren Häusern einsetzen, wenn die Heizkörper groß genug sind.</p>"
                + "<p>Entscheidend ist die Vorlauftemperatur, sagen Fachleute, und eine gute Dämmung des Dachs.</p></div></body></html>";
        ExtractedArticle a = new ArticleExtractor().extract(html.getBytes(StandardCharsets.UTF_8), "t.html", null, null, null);
        assertThat(a.publishTime().toLocalDate()).isEqualTo(LocalDate.parse(day));
    }
}
