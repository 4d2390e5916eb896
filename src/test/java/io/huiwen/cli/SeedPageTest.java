package io.huiwen.cli;

import static io.huiwen.cli.CommandLineTest.count;
import static io.huiwen.cli.CommandLineTest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huiwen.HuiwenApplication;
import io.huiwen.TestDataDir;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The seed page (third-party, kept in ../shared, never copied here) imported with the server
 * stopped, then served: it must look like the source page minus its defects. Runs only where
 * ../shared/seed is present.
 */
class SeedPageTest {

    static final Path SEED = Path.of("../shared/seed/000_2eca2bf41e059afb.txt");

    @Test
    void importedSeedLooksLikeTheSourcePageWithoutItsDefects() throws Exception {
        assumeTrue(Files.isReadable(SEED), "../shared/seed is not here");
        Path data = TestDataDir.create("seed");
        var r = CommandLineTest.run("import", SEED.toString(), "--huiwen.data-dir=" + data);
        assertThat(r.out()).contains("imported 1, duplicates 0, failed 0");
        Matcher m = Pattern.compile("-> /a/(\\d+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        long id = Long.parseLong(m.group(1));

        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(HuiwenApplication.class)
                .run("--huiwen.data-dir=" + data, "--server.port=0", "--huiwen.admin.password=x", "--spring.main.banner-mode=off")) {
            String base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
            String html = get(base + "/a/" + id).body();
            assertThat(html).contains("&gt; <a href=\"/c/caijing\">财经</a>")
                    .contains("<h1>破茧成蝶,余慈制造业发展驶入“科创新赛道”</h1>")
                    .contains("<span class=\"date\">日期：未知</span>").doesNotContain("<time").contains("来源：甬派客户端").contains("编辑：甬派客户端");
            String body = html.substring(html.indexOf("<div class=\"body\">"), html.indexOf("</div>", html.indexOf("<div class=\"body\">")));
            // the dump kept the captions, not the pictures: each caption is a plain note, never an empty figure
            assertThat(count(body, "<p class=\"caption-note\">")).isEqualTo(8);
            assertThat(count(body, "<figure")).isZero();
            assertThat(body).containsPattern("<p class=\"caption-note\">[^<]*陈章升/摄</p>").contains("<h2>政策扶持引导,优化创新生态</h2>");
            assertThat(count(body, "<h2>")).isEqualTo(3);
            assertThat(body).doesNotContain("服务粉丝", "我们一直在努力", "当前位置", "相关阅读", "热门文章", "最新文章", "贵州遵义", "马斯克");
            JsonNode api = CommandLineTest.JSON.readTree(get(base + "/api/v1/articles/" + id).body());
            assertThat(api.get("excerpt").asString()).startsWith("在最新公布的中国县域经济百强榜中");
            assertThat(api.get("publish_time").isNull()).isTrue();
            assertThat(api.get("text").asString()).doesNotContain("陈章升/摄", "供图");
            List<String> tags = api.get("tags").valueStream().map(JsonNode::asString).toList();
            assertThat(tags).as("tags of the seed article").contains("余姚", "慈溪")
                    .doesNotContain("两大", "经营企业", "智造", "发展").hasSizeBetween(3, 8);
            assertThat(html).containsPattern("<p class=\"tags\">标签：.*>余姚</a>");

            String search = get(base + "/search?q=" + URLEncoder.encode("余姚 机器人", StandardCharsets.UTF_8)).body();
            assertThat(search).contains("href=\"/a/" + id + "\"").contains("<em>余姚</em>").contains("<em>机器人</em>");
        }
    }
}
