package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A kicker printed inside the headline is not part of the title; markup in a title tag is not a title. */
class HeadlineKickerTest {
    private static final String BODY = "<div class=\"text\"><p>Die Stadtwerke wollen bis 2030 zweitausend weitere Haushalte an das Netz anschließen.</p>"
            + "<p>Die Kosten teilen sich Stadt und Land, sagte der Geschäftsführer am Dienstag vor dem Stadtrat.</p></div>";

    private static String title(String head, String h1) throws Exception {
        String html = "<html><head>" + head + "</head><body>" + h1 + BODY + "</body></html>";
        return new ArticleExtractor().extract(html.getBytes(StandardCharsets.UTF_8), "t.html", null, null, null).title();
    }

    @Test
    void kickerInsideTheHeadlineIsLeftOutWhenThePageTitleIsTheRest() throws Exception {
        assertThat(title("<title>Stadtwerke bauen Wärmenetz aus | Kreisblatt</title>",
                "<h1><span class=\"kicker\">Energie</span> Stadtwerke bauen Wärmenetz aus</h1>"))
                .isEqualTo("Stadtwerke bauen Wärmenetz aus");
    }

    @Test
    void headlineLongerThanThePageTitleInItsMiddleIsKeptWhole() throws Exception {
        assertThat(title("<title>Stadtwerke bauen aus | Kreisblatt</title>", "<h1>Stadtwerke bauen aus: Wärmenetz wächst</h1>"))
                .isEqualTo("Stadtwerke bauen aus: Wärmenetz wächst");
    }

    @Test
    void markupInTheTitleTagIsNotTakenForTheTitle() throws Exception {
        assertThat(title("<title>&lt;br /&gt;</title>", "")).isNotEqualTo("<br />");
    }

    @Test
    void kickerMarkedAsARooflineIsLeftOutEvenWhereThePageTitleRunsItOn() throws Exception {
        assertThat(title("<title>Wärmenetz Stadtwerke bauen das Netz aus | Kreisblatt</title>",
                "<h1 class=\"headline\"> <span class=\"article-header__roofline\">Wärmenetz</span> Stadtwerke bauen das Netz aus </h1>"))
                .isEqualTo("Stadtwerke bauen das Netz aus");
    }

    @Test
    void colonAfterAMarkedKickerGoesWithIt() throws Exception {
        assertThat(title("<title>Energie: Stadtwerke bauen Wärmenetz aus | Kreisblatt</title>",
                "<h1><span class=\"kicker\">Energie</span>: Stadtwerke bauen Wärmenetz aus</h1>"))
                .isEqualTo("Stadtwerke bauen Wärmenetz aus");
    }

    @Test
    void kickerThatThePageTitleSetsApartIsLeftOut() throws Exception {
        assertThat(title("<title>Energie im Quartier - Stadtwerke bauen Wärmenetz aus | Kreisblatt</title>",
                "<h1><span>Energie im Quartier</span>Stadtwerke bauen Wärmenetz aus</h1>"))
                .isEqualTo("Stadtwerke bauen Wärmenetz aus");
    }

    @Test
    void wordSetInItsOwnMarkupAtTheStartIsPartOfTheHeadline() throws Exception {
        assertThat(title("<title>Stadtwerke bauen Wärmenetz aus | Kreisblatt</title>",
                "<h1><strong>Stadtwerke</strong> bauen Wärmenetz aus</h1>"))
                .isEqualTo("Stadtwerke bauen Wärmenetz aus");
        assertThat(title("<title>Neu: Stadtwerke bauen Wärmenetz aus | Kreisblatt</title>",
                "<h1><span class=\"badge\">Neu:</span> Stadtwerke bauen Wärmenetz aus</h1>"))
                .isEqualTo("Neu: Stadtwerke bauen Wärmenetz aus");
    }

    @Test
    void softHyphensDoNotHideThatThePageTitleIsTheRest() throws Exception {
        assertThat(title("<title>Stadt\u00adwerke bauen Wärme\u00adnetz aus | Kreisblatt</title>",
                "<h1>Energie: Stadt\u00adwerke bauen Wärme\u00adnetz aus</h1>"))
                .isEqualTo("Stadt\u00adwerke bauen Wärme\u00adnetz aus");
        assertThat(title("<title>Stadtwerke bauen Wärmenetz aus | Kreisblatt</title>",
                "<h1>Energie: Stadt\u00adwerke bauen Wärme\u00adnetz aus</h1>"))
                .isEqualTo("Stadtwerke bauen Wärmenetz aus");
    }

    @Test
    void textKeptForScreenReadersIsNotPartOfTheHeadline() throws Exception {
        assertThat(title("<title>Stadtwerke bauen Wärmenetz aus | Kreisblatt</title>",
                "<h1 class=\"title\">Stadtwerke bauen Wärmenetz aus<span class=\"element-invisible\"> | Kreisblatt</span></h1>"))
                .isEqualTo("Stadtwerke bauen Wärmenetz aus");
        assertThat(title("<meta property=\"og:title\" content=\"Stadtwerke bauen Wärmenetz aus\">",
                "<h1><span class=\"sr-only\">Artikel:</span>Stadtwerke bauen Wärmenetz aus</h1>"))
                .isEqualTo("Stadtwerke bauen Wärmenetz aus");
    }

    @Test
    void dayPrintedBeforeTheHeadlineIsNotPartOfIt() throws Exception {
        assertThat(title("<title>23.01.2022 - Stadtwerke bauen Wärmenetz aus - Kreisblatt</title>",
                "<h1>23.01.2022 - Stadtwerke bauen Wärmenetz aus</h1>"))
                .isEqualTo("Stadtwerke bauen Wärmenetz aus");
        assertThat(title("<title>2024年1月15日：城南片区供热管网改造完工</title>", "<h1>2024年1月15日：城南片区供热管网改造完工</h1>"))
                .isEqualTo("城南片区供热管网改造完工");
        // a date that is the subject, not a dateline, has no dash or colon after it
        assertThat(title("<title>1. Mai 2024 Kundgebung am Markt | Kreisblatt</title>", "<h1>1. Mai 2024 Kundgebung am Markt</h1>"))
                .isEqualTo("1. Mai 2024 Kundgebung am Markt");
    }
}
