package io.huiwen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huiwen.rank.ViewCounter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Two Huiwen nodes (two real servers in this JVM, each with its own data directory, node id and
 * Lucene index) on one PostgreSQL database made for this class: what one node does, the other
 * shows. An editor's login through one node holds on the other and a logout ends it on both; views
 * counted on both nodes add up, on either node's article API and in its 热门 list.
 */
class TwoNodesTest {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
    static final Duration KEEP_RANKING = Duration.ofSeconds(2);

    static String database;
    static ConfigurableApplicationContext nodeA, nodeB;
    static String a, b; // base URLs
    static JdbcClient db;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void twoNodes() {
        database = TestDatabases.freshPostgres("huiwen_twonodes_");
        assumeTrue(database != null, "no PostgreSQL server at " + TestDatabases.POSTGRES_SERVER);
        db = JdbcClient.create(new DriverManagerDataSource(database, TestDatabases.POSTGRES_USER, ""));
        nodeA = start("node-a"); // loads the demo articles into the empty database
        nodeB = start("node-b");
        a = baseUrl(nodeA);
        b = baseUrl(nodeB);
    }

    /** A node as its operator starts it: settings on the command line, which outrank application.yml. */
    static ConfigurableApplicationContext start(String nodeId) {
        return new SpringApplicationBuilder(HuiwenApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                "--spring.datasource.password=",
                "--huiwen.data-dir=" + TestDataDir.create(nodeId),
                "--huiwen.node-id=" + nodeId,
                "--huiwen.admin.password=test-admin",
                "--huiwen.rank.flush-interval=1h", // flushed by hand below
                "--huiwen.rank.keep-ranking=" + KEEP_RANKING.toMillis() + "ms",
                "--huiwen.collect.enabled=false",
                "--huiwen.trusted-proxies=127.0.0.1,::1"); // the test plays the proxy: readers are told apart by X-Forwarded-For
    }

    static String baseUrl(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        TestDatabases.drop(database);
    }

    // --- editors' sessions

    @Test
    void anEditorLoggedInThroughOneNodeIsLoggedInOnTheOtherUntilLoggingOut() throws Exception {
        String session = logIn(a);
        HttpResponse<String> admin = get(b + "/admin", session);
        assertThat(admin.statusCode()).as("node B knows node A's login").isEqualTo(200);
        assertThat(admin.body()).contains("编辑后台");
        assertThat(get(a + "/admin", session).statusCode()).isEqualTo(200);

        // log out on A, with the CSRF token node B hands out for the same session
        HttpResponse<String> logout = post(a + "/logout", session, "_csrf=" + csrfToken(get(b + "/login", session).body()));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        for (String node : List.of(b, a)) {
            HttpResponse<String> after = get(node + "/admin", session);
            assertThat(after.statusCode()).as("logged out everywhere").isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(b + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void httpBasicStillWorksOnEveryNodeAndApiCallsKeepNoSession() throws Exception {
        long sessions = db.sql("SELECT COUNT(*) FROM admin_session").query(Long.class).single();
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8));
        for (String node : List.of(a, b)) {
            HttpResponse<String> sources = http.send(HttpRequest.newBuilder(URI.create(node + "/api/v1/sources"))
                    .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sources.statusCode()).isEqualTo(200);
            assertThat(sources.headers().firstValue("Set-Cookie")).isEmpty();
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(node + "/api/v1/sources")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
        assertThat(db.sql("SELECT COUNT(*) FROM admin_session").query(Long.class).single())
                .as("API calls, with Basic or refused, write no session row").isEqualTo(sessions);
    }

    // --- views

    @Test
    void viewsCountedOnBothNodesAddUpOnEitherNode() throws Exception {
        List<Long> ids = articlesOfDistinctStories(2);
        for (long id : ids) {
            read(a, id, 3, "a");
            read(b, id, 4, "b");
        }
        flushBothAtOnce();
        for (long id : ids) {
            for (String node : List.of(a, b)) {
                assertThat(api(node, "/api/v1/articles/" + id).get("views").asLong()).as("views of %d seen from %s", id, node).isEqualTo(7);
            }
            assertThat(db.sql("SELECT SUM(views) FROM article_view WHERE article_id = ?").param(id).query(Long.class).single())
                    .as("the hourly buckets of %d", id).isEqualTo(7);
        }
        read(a, ids.get(0), 2, "a-again");
        flushBothAtOnce(); // a second flush into the same hour adds to the bucket, never overwrites it
        assertThat(api(b, "/api/v1/articles/" + ids.get(0)).get("views").asLong()).isEqualTo(9);
    }

    @Test
    void theHotListOfEitherNodeRanksViewsCountedOnTheOther() throws Exception {
        long read = articlesOfDistinctStories(6).get(5); // not among the newest, which lead an unread list
        List<Long> before = hot(b); // node B computes and keeps its list
        read(a, read, 30, "hot");
        nodeA.getBean(ViewCounter.class).flush();
        List<Long> onA = hot(a);
        assertThat(onA.indexOf(read)).as("node A ranks the views it counted at once").isLessThan(before.indexOf(read));
        long deadline = System.nanoTime() + KEEP_RANKING.multipliedBy(3).toNanos();
        List<Long> onB = hot(b);
        while (!onB.equals(onA) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            onB = hot(b);
        }
        assertThat(onB).as("node B's list, once the one it kept ran out").isEqualTo(onA);
    }

    // --- helpers

    static String logIn(String node) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(node + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String anonymous = sessionOf(form);
        HttpResponse<String> login = post(node + "/login", anonymous,
                "username=admin&password=test-admin&_csrf=" + URLEncoder.encode(csrfToken(form.body()), StandardCharsets.UTF_8));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        return sessionOf(login); // a new session id after login (no fixation)
    }

    static String sessionOf(HttpResponse<?> response) {
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("SESSION=");
        return cookie.substring("SESSION=".length(), cookie.indexOf(';'));
    }

    static String csrfToken(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    static HttpResponse<String> get(String url, String session) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "SESSION=" + session).header("User-Agent", BROWSER)
                        .header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String session, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "SESSION=" + session).header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code readers} distinct readers (each at its own address, behind the test's proxy) open the article's page on the node. */
    static void read(String node, long id, int readers, String who) throws Exception {
        for (int i = 0; i < readers; i++) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(node + "/a/" + id))
                    .header("User-Agent", BROWSER).header("X-Forwarded-For", reader(who, i)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        }
    }

    /** A documentation address (2001:db8::/32) of its own for each reader name and number. */
    static String reader(String who, int i) {
        return "2001:db8:" + Integer.toHexString(who.hashCode() & 0xffff) + ":" + Integer.toHexString(i) + "::1";
    }

    /** Both nodes write their buffered views at the same moment, into the same hourly buckets. */
    static void flushBothAtOnce() {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> flushes = new ArrayList<>();
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            ViewCounter views = node.getBean(ViewCounter.class);
            flushes.add(CompletableFuture.runAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                views.flush();
            }));
        }
        flushes.forEach(CompletableFuture::join); // a flush that failed throws here
    }

    static JsonNode api(String node, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return json.readTree(r.body());
    }

    static List<Long> hot(String node) throws Exception {
        List<Long> ids = new ArrayList<>();
        api(node, "/api/v1/hot?size=50&days=30").get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /** The newest published articles, one per story, none read yet. */
    static List<Long> articlesOfDistinctStories(int n) {
        return db.sql("""
                SELECT MIN(a.id) FROM article a
                WHERE a.status = 'published' AND a.views = 0
                  AND NOT EXISTS (SELECT 1 FROM article o WHERE o.story_id = a.story_id AND o.views > 0)
                GROUP BY a.story_id ORDER BY MAX(a.sort_time) DESC LIMIT ?""").param(n).query(Long.class).list();
    }
}
