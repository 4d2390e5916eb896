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
}
