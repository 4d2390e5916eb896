package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.rank.ViewCounter;
import io.huiwen.search.IndexSync;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The same migrations and queries on a real PostgreSQL (the scale-out database): a fresh
 * database on the local server, demo content loaded through the real import path, and the
 * portal's pages, story clusters, view counting and hot list working on it.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class PostgresStorageTest {

    static final String SERVER = System.getProperty("huiwen.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("huiwen.test.postgres.user", "postgres");
    /** Names this test's databases: the prefix, the second it was made in, and a random part. */
    static final String PREFIX = "huiwen_pgstorage_";
    /** A database of this test left behind (a JVM that was killed) is dropped once it is this old. */
    static final Duration LEFTOVER_AGE = Duration.ofHours(6);
    static final String DATABASE = PREFIX + Instant.now().getEpochSecond() + "_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final boolean AVAILABLE = createDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        assumeTrue(AVAILABLE, "no PostgreSQL server at " + SERVER);
        registry.add("spring.datasource.url", () -> SERVER + DATABASE);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("huiwen.data-dir", () -> TestDataDir.create("postgres").toString());
    }

    /**
     * A database of this run's own, dropped when the JVM ends (the cached Spring context keeps
     * using it until then). Other runs share the server, some at the same time: only this test's
     * own leftovers, hours old, are dropped here, never a database another run may be using.
     */
    static boolean createDatabase() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            for (String name : leftovers(c, Instant.now().minus(LEFTOVER_AGE))) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            c.createStatement().execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            return false;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresStorageTest::dropDatabase, "drop " + DATABASE));
        return true;
    }

    /** This test's databases made before the given time; its name says when each was made. */
    static List<String> leftovers(Connection c, Instant before) throws SQLException {
        var names = new ArrayList<String>();
        var rows = c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'");
        Pattern own = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,12})_[0-9a-f]{12}");
        while (rows.next()) {
            Matcher m = own.matcher(rows.getString(1));
            if (m.matches() && Instant.ofEpochSecond(Long.parseLong(m.group(1))).isBefore(before)) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static void dropDatabase() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            // the server went away first: the next run drops it once it is old enough
        }
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;
    @Autowired IndexSync index;
    @Autowired ViewCounter views;

    @Test
    void thePortalRunsOnPostgresql() throws Exception {
        assertThat(articles.count()).isGreaterThanOrEqualTo(30);
        index.drain();
        String home = page("/");
        assertThat(home).contains("最新文章", "热门文章", "<a href=\"/c/caijing\">财经</a>");
        assertThat(page("/c/caijing")).contains("3 家媒体报道");
        long id = articles.latest(1, 1).items().get(0).id();
        assertThat(page("/a/" + id)).contains("相关阅读");
        assertThat(page("/search?q=马拉松")).contains("<em>马拉松</em>");
        for (int i = 0; i < 5; i++) {
            views.count(id, "192.0.2." + i, "Mozilla/5.0");
        }
        views.flush();
        views.count(id, "192.0.2.99", "Mozilla/5.0");
        views.flush(); // the second flush merges into the same hourly bucket
        assertThat(articles.findById(id).orElseThrow().views()).isEqualTo(7); // 6 readers here, 1 by opening the page
        assertThat(page("/api/v1/hot")).contains("\"items\":[{\"id\":" + id + ",");
        assertThat(page("/feed.xml")).contains("<rss version=\"2.0\"");
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).header("User-Agent", "Mozilla/5.0")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
