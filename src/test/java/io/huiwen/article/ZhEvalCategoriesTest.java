package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huiwen.TestDataDir;
import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractedArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The category evidence on the 20 real Chinese pages of {@code ../shared/eval/zh}, registered as a
 * new user would, with no source category, on a fresh install (the demo articles loaded, which
 * must teach the classifier nothing). The categories an editor would accept are in
 * {@code zh-eval-categories.tsv}, written from the headlines before any tuning. Skipped when the
 * evaluation pages are absent.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.collect.enabled=false"})
class ZhEvalCategoriesTest {

    static final Path PAGES = Path.of("../shared/eval/zh/html");
    static final Path DATA = TestDataDir.create("zh-eval-categories");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired CategoryEvidence evidence;

    record Expected(String id, List<String> slugs, String reason) {}

    static List<Expected> expected() throws Exception {
        List<Expected> out = new ArrayList<>();
        String tsv = new String(ZhEvalCategoriesTest.class.getResourceAsStream("/zh-eval-categories.tsv").readAllBytes(),
                StandardCharsets.UTF_8);
        for (String line : tsv.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split("\t");
                out.add(new Expected(f[0], List.of(f[1].split(",")), f[2]));
            }
        }
        return out;
    }

    @Test
    void mostRealPagesAreFiledSurelyAndRightWithoutAnEditor() throws Exception {
        assumeTrue(Files.isDirectory(PAGES), "../shared/eval/zh is absent");
        List<Expected> pages = expected();
        assertThat(pages).hasSize(20);
        int sure = 0, sureRight = 0, right = 0;
        Map<String, int[]> bySignal = new TreeMap<>(); // kind -> [pages it spoke on, right]
        for (Expected e : pages) {
            ExtractedArticle page = new ArticleExtractor().extract(Files.readAllBytes(PAGES.resolve(e.id() + ".html")), e.id() + ".html",
                    null, null, null);
            CategoryTally.Verdict v = evidence.weigh(page);
            boolean ok = v.slug() != null && e.slugs().contains(v.slug());
            sure += v.sure() ? 1 : 0;
            sureRight += v.sure() && ok ? 1 : 0;
            right += ok ? 1 : 0;
            for (CategoryTally.Signal s : v.signals()) {
                int[] n = bySignal.computeIfAbsent(s.by() + "/" + s.weight(), k -> new int[2]);
                n[0]++;
                n[1] += e.slugs().contains(s.slug()) ? 1 : 0;
            }
            System.out.printf("%-12s %-14s %-8s %-10s %-5s %s%n", e.id(), String.join(",", e.slugs()), v.slug(), v.by(),
                    v.sure() ? "sure" : "ask", v.signals());
        }
        bySignal.forEach((kind, n) -> System.out.printf("signal %-14s spoke on %2d pages, right on %2d%n", kind, n[0], n[1]));
        System.out.printf("CATEGORIES sure=%d/20 sure-right=%d/%d right-incl-suggestions=%d/20%n", sure, sureRight, sure, right);
        // issue 17 asks 75 % (15); the evidence of these pages gives 16 (the <title>'s channel names qq-2 and thepaper-5):
        // the floor pins what works so that a change that loses a page fails here
        assertThat(sure).as("decided without an editor").isGreaterThanOrEqualTo(16);
        assertThat(sureRight).as("sure ones right").isGreaterThanOrEqualTo((int) Math.ceil(sure * 0.95));
        assertThat(right).as("right including suggestions").isGreaterThanOrEqualTo(18);
    }
}
