package io.huiwen.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.extract.ExtractedArticle;
import io.huiwen.text.Enrichment;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoEnrichmentsTest {

    private final List<ExtractedArticle> demo = DemoContent.read();
    private final DemoEnrichments shipped = DemoEnrichments.shipped();

    @Test
    void theBuildShipsEveryDemoArticlesEnrichmentAsEnrichmentGivesItNow() {
        assertThat(demo).isNotEmpty();
        assertThat(shipped.size()).isEqualTo(demo.size());
        for (ExtractedArticle page : demo) {
            assertThat(shipped.of(page.title(), page.text())).as(page.title())
                    .isEqualTo(Enrichment.of(page.title(), page.text()));
        }
    }

    @Test
    void anArticleWhoseTextChangedSinceTheBuildIsEnrichedAfresh() {
        ExtractedArticle page = demo.get(0);
        String changed = "余姚人形机器人订单增长明显。" + page.text();

        Enrichment enrichment = shipped.of(page.title(), changed);

        assertThat(enrichment).isEqualTo(Enrichment.of(page.title(), changed))
                .isNotEqualTo(shipped.of(page.title(), page.text()));
    }
}
