package io.huiwen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.DataDirLock;
import io.huiwen.HuiwenApplication;
import io.huiwen.TestDataDir;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line as a user runs it: {@code extract}, then {@code import} into a data directory
 * with the server stopped, then the server showing what was imported.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineTest {

    static final Path DATA = TestDataDir.create("cli");
    static final Path DUMP = Path.of("src/test/resources/cli/new-category-dump.txt");
    static final Path HTML = Path.of("src/test/resources/pages/english-article.html");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Path bad;
    static long importedId;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void badInputs() throws Exception {
        bad = Files.createTempDirectory("huiwen-bad-inputs");
        Files.writeString(bad.resolve("empty.txt"), "");
        Files.write(bad.resolve("binary.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0});
        try (var huge = new RandomAccessFile(bad.resolve("huge.html").toFile(), "rw")) {
            huge.setLength(25L * 1024 * 1024);
        }
    }

    @Test
    @Order(1)
    void extractPrintsTheArticleOfADump() throws Exception {
        Run r = run("extract", DUMP.toString());
        assertThat(r.status()).isZero();
        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("file").asString()).isEqualTo(DUMP.toString());
        assertThat(a.get("title").asString()).isEqualTo("稻田里的“无人农场”:西坪镇秋收用上北斗导航收割机");
        assertThat(a.get("publish_time").isNull()).isTrue();
        assertThat(a.get("source").asString()).isEqualTo("田野客户端");
        assertThat(a.get("editor").asString()).isEqualTo("田野客户端");
        assertThat(a.get("breadcrumb").toString()).isEqualTo("[\"首页\",\"三农\"]");
        assertThat(a.get("images")).hasSize(2);
        assertThat(a.get("text").asString()).startsWith("在西坪镇的万亩稻田里").doesNotContain("刘一帆/摄", "相关阅读", "旧闻", "当前位置");
        assertThat(a.get("html").asString()).contains("<figcaption>北斗导航收割机在西坪镇稻田作业。刘一帆/摄</figcaption>", "<h2>智能农机，让种田更轻松</h2>");
        assertThat(a.get("excerpt").asString()).startsWith("在西坪镇的万亩稻田里");
        assertThat(a.get("keywords").size()).isBetween(3, 8);
        assertThat(a.get("lang").asString()).isEqualTo("zh");
    }

    @Test
    @Order(2)
    void extractGivesOneJsonLinePerInputAndAnErrorObjectForABadOne() throws Exception {
        Run r = run("extract", "--jsonl", HTML.toString(), bad.resolve("binary.bin").toString(), DUMP.toString());
        assertThat(r.status()).isEqualTo(1);
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).get("lang").asString()).isEqualTo("en");
        assertThat(JSON.readTree(lines[1]).get("error").asString()).isNotBlank();
        assertThat(JSON.readTree(lines[2]).get("title").asString()).startsWith("稻田里");
        assertThat(r.err()).contains("binary.bin");
    }

    @Test
    @Order(2)
    void extractFetchesAUrlPolitelyAndRefusesPrivateAddressesUnlessAllowed() throws Exception {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = Files.readAllBytes(HTML);
        server.createContext("/", x -> {
            byte[] body = x.getRequestURI().getPath().equals("/robots.txt") ? new byte[0] : page;
            x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/story.html";
            Run refused = run("extract", url);
            assertThat(refused.status()).isEqualTo(1);
            assertThat(JSON.readTree(refused.out()).get("error").asString()).startsWith("blocked_address");
            Run allowed = run("extract", "--huiwen.collect.allow-private-hosts=true", url);
            assertThat(allowed.status()).isZero();
            assertThat(JSON.readTree(allowed.out()).get("lang").asString()).isEqualTo("en");
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Order(3)
    void importStoresTheDumpInTheCategoryGiven() {
        Run r = run("import", DUMP.toString(), "--category=shehui", "--huiwen.data-dir=" + DATA);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("imported 1, duplicates 0, failed 0");
        Matcher m = Pattern.compile("-> /a/(\\d+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        importedId = Long.parseLong(m.group(1));
    }

    @Test
    @Order(4)
    void importingTheSamePageAgainIsADuplicate() {
        Run r = run("import", DUMP.toString(), "--huiwen.data-dir=" + DATA);
        assertThat(r.out()).contains("imported 0, duplicates 1, failed 0").contains("already stored as /a/" + importedId);
    }

    @Test
    @Order(4)
    void aPageOfASectionWeDoNotHaveWaitsForAnEditor() throws Exception {
        Path page = TestDataDir.create("cli-unsure").resolve("comet.txt");
        Files.writeString(page, """
                天文网

                当前位置:首页 > 星空 >

                彗星本月下旬可见 黎明前东方低空寻找

                日期:2026-11-20 08:00 来源:天文网编辑:星野

                彗星将在本月下旬接近近日点，天文爱好者可在黎明前的东方低空寻找它的身影。观测者建议带上双筒望远镜，远离城市灯光。

                彗尾的长度会随着距离太阳变近而增加，月底前后最容易看到。
                """);
        Run r = run("import", page.toString(), "--huiwen.data-dir=" + DATA);
        assertThat(r.status()).isZero();
        assertThat(r.out()).containsPattern("imported  .*comet.txt -> /a/\\d+ 彗星本月下旬可见.*\\[awaiting review: category unsure\\]")
                .contains("1 awaiting review: no category was given and none was sure; an editor publishes them at /admin");
    }

    @Test
    @Order(5)
    void aCopyAndARepostInTheSameImportAreFoundAsIfImportedOneByOne() throws Exception {
        // files made ready together are stored in one transaction, each seeing those before it
        Path data = TestDataDir.create("cli-together");
        Path folder = Files.createTempDirectory("huiwen-together");
        Files.copy(DUMP, folder.resolve("a.txt"));
        Files.copy(DUMP, folder.resolve("b.txt"));
        Files.writeString(folder.resolve("c.txt"), Files.readString(DUMP).replace("稻田里的", "秋收时节稻田里的").replace("三台", "五台"));
        Run r = run("import", folder.toString(), "--category=shehui", "--huiwen.data-dir=" + data);
        assertThat(r.status()).as(r.err()).isZero();
        Matcher first = Pattern.compile("\\[1/3\\] imported  .*a\\.txt -> /a/(\\d+) ").matcher(r.out());
        assertThat(first.find()).as(r.out()).isTrue();
        long id = Long.parseLong(first.group(1));
        assertThat(r.out()).containsPattern("\\[2/3\\] duplicate .*b\\.txt \\(already stored as /a/" + id + "\\)")
                .containsPattern("\\[3/3\\] imported  .*c\\.txt -> /a/\\d+ ").contains("imported 2, duplicates 1, failed 0");
        try (var db = java.sql.DriverManager.getConnection(io.huiwen.DataDirectoryInitializer.h2Url(data, java.time.Duration.ZERO), "sa", "");
             var rs = db.createStatement().executeQuery("SELECT story_id FROM article ORDER BY id")) {
            List<Long> stories = new ArrayList<>();
            while (rs.next()) {
                stories.add(rs.getLong(1));
            }
            assertThat(stories).as("the repost joins the first page's story").containsExactly(id, id);
        }
    }

    @Test
    @Order(5)
    void badFilesGetOneLineEachAndTheOthersStillGoThrough() throws Exception {
        Path good = bad.resolve("zz-good.txt");
        Files.writeString(good, Files.readString(DUMP).replace("稻田里的", "秋收时节稻田里的").replace("三台", "五台"));
        Run r = run("import", bad.toString(), bad.resolve("missing.txt").toString(), "--category=shehui", "--huiwen.data-dir=" + DATA);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("imported 1, duplicates 0, failed 4");
        List<String> failures = r.err().lines().filter(l -> l.contains("failed")).toList();
        assertThat(failures).hasSize(4).allMatch(l -> !l.contains("Exception") && !l.contains("\tat "));
        assertThat(r.err()).contains("empty.txt: empty file").contains("binary.bin: binary file").contains("huge.html: too large")
                .contains("missing.txt: no such file");
    }

    @Test
    @Order(6)
    void importSaysClearlyWhenTheServerHoldsTheDataDirectory() {
        try (DataDirLock held = DataDirLock.acquire(DATA)) {
            Run r = run("import", DUMP.toString(), "--huiwen.data-dir=" + DATA);
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("huiwen import: the data directory " + DATA.toAbsolutePath().normalize()
                    + " is in use by another Huiwen process (a running server?); stop it first");
        }
    }

    @Test
    @Order(7)
    void reindexRebuildsFromTheDatabase() {
        Run r = run("reindex", "--huiwen.data-dir=" + DATA);
        assertThat(r.status()).isZero();
        assertThat(r.out()).containsPattern("reindexed 2 articles in [0-9.]+ s");
    }

    @Test
    @Order(7)
    void sourcesAreAddedAndListedFromTheShell() {
        Run added = run("source", "add", "https://news.example.cn/rss.xml", "--category=caijing", "--name=示例财经", "--huiwen.data-dir=" + DATA);
        assertThat(added.err()).isEmpty();
        assertThat(added.out()).containsPattern("added source \\d+: 示例财经 \\(feed\\) https://news.example.cn/rss.xml -> caijing, every 30 min");
        Run bad = run("source", "add", "file:///etc/passwd", "--huiwen.data-dir=" + DATA);
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("huiwen source add: url must be an absolute http or https URL");
        Run list = run("source", "list", "--huiwen.data-dir=" + DATA);
        assertThat(list.out()).contains("\tfeed\t示例财经\thttps://news.example.cn/rss.xml\tnew");
    }

    @Test
    @Order(8)
    void theServerShowsTheImportedArticleLikeTheSourcePageWithoutItsDefects() throws Exception {
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(HuiwenApplication.class)
                .run("--huiwen.data-dir=" + DATA, "--server.port=0", "--huiwen.admin.password=x", "--spring.main.banner-mode=off")) {
            String base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
            String html = get(base + "/a/" + importedId).body();
            assertThat(html).contains("当前位置：<a href=\"/\">首页</a>").contains("&gt; <a href=\"/c/shehui\">社会</a>")
                    .contains("<h1>稻田里的“无人农场”:西坪镇秋收用上北斗导航收割机</h1>")
                    .contains("<span class=\"date\">日期：未知</span>").doesNotContain("<time").contains("来源：田野客户端").contains("编辑：田野客户端");
            String body = html.substring(html.indexOf("<div class=\"body\">"), html.indexOf("</div>", html.indexOf("<div class=\"body\">")));
            assertThat(count(body, "<p class=\"caption-note\">")).as("captions of pictures the dump did not keep").isEqualTo(2);
            assertThat(count(body, "<figure")).isZero();
            assertThat(count(body, "<h2>")).isEqualTo(2);
            assertThat(body).doesNotContain("扎根泥土", "当前位置", "相关阅读", "热门文章", "最新文章", "旧闻", "丰收节");
            JsonNode api = JSON.readTree(get(base + "/api/v1/articles/" + importedId).body());
            assertThat(api.get("excerpt").asString()).startsWith("在西坪镇的万亩稻田里");
            assertThat(api.get("publish_time").isNull()).isTrue();
            assertThat(api.get("category").get("slug").asString()).isEqualTo("shehui");
            assertThat(api.get("story_id").asLong()).isEqualTo(importedId);
            assertThat(get(base + "/c/shehui").body()).contains("社会").contains("稻田里的“无人农场”");
            assertThat(get(base + "/c/sannong").statusCode()).as("a page's breadcrumb creates no category").isEqualTo(404);
            HttpResponse<String> missing = get(base + "/a/999999");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("404 页面不存在").contains("返回首页");
            HttpResponse<String> apiMissing = get(base + "/api/v1/articles/999999");
            assertThat(apiMissing.statusCode()).isEqualTo(404);
            assertThat(apiMissing.body()).isEqualTo("{\"error\":\"no article with id 999999\"}");
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "Mozilla/5.0 test").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    static List<String> lines(String s) {
        return new ArrayList<>(s.lines().toList());
    }
}
