package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The project's seed page (kept outside the repository); skipped when it is not there. */
class SeedDumpTest {
    private static final Path SEED = Path.of("../shared/seed/000_2eca2bf41e059afb.txt");

    @Test
    void seedDumpGivesTheArticleAndNoneOfThePageChrome() throws Exception {
        assumeTrue(Files.exists(SEED), "seed page not present");
        ExtractedArticle a = new ArticleExtractor().extract(Files.readAllBytes(SEED), SEED.toString(), null, null, null);

        assertThat(a.title()).isEqualTo("破茧成蝶,余慈制造业发展驶入“科创新赛道”");
        assertThat(a.source()).isEqualTo("甬派客户端");
        assertThat(a.editor()).isEqualTo("甬派客户端");
        assertThat(a.publishTime()).isNull();
        assertThat(a.breadcrumb()).containsExactly("首页", "财经");
        assertThat(a.images()).hasSize(8).allSatisfy(i -> {
            assertThat(i.src()).isNull();
            assertThat(i.caption()).matches(".*(陈章升/摄|供图)$");
        });
        assertThat(a.html().split("<h2>", -1)).hasSize(4);
        assertThat(a.html()).contains("<h2>政策扶持引导,优化创新生态</h2>");
        assertThat(a.text()).startsWith("在最新公布的中国县域经济百强榜中").doesNotContain("\n\n\n");
        for (String chrome : new String[] {"服务粉丝", "我们一直在努力", "当前位置", "相关阅读", "热门文章", "最新文章", "贵州遵义", "马斯克"}) {
            assertThat(a.text()).doesNotContain(chrome);
            assertThat(a.html()).doesNotContain(chrome);
        }
        assertThat(a.text()).doesNotContain("陈章升/摄").doesNotContain("供图");
    }
}
