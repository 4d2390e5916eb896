package io.huiwen;

import com.zaxxer.hikari.HikariDataSource;
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
import org.flywaydb.core.Flyway;

/**
 * Databases for tests that play several nodes on one database: a fresh PostgreSQL database on
 * the local server (named for its test, the second it was made in and a random part; dropped by
 * {@link #drop}, or when the JVM ends, or by a later run once hours old), or a fresh in-memory H2
 * in the portal's PostgreSQL mode; and pools on them with Huiwen's migrations applied.
 */
public final class TestDatabases {

    public static final String POSTGRES_SERVER = System.getProperty("huiwen.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String POSTGRES_USER = System.getProperty("huiwen.test.postgres.user", "postgres");
    /** A database of a test left behind (a JVM that was killed) is dropped once it is this old. */
    static final Duration LEFTOVER_AGE = Duration.ofHours(6);

    private TestDatabases() {}

    /** A new, empty PostgreSQL database named {@code <prefix><epoch second>_<random>}; null when there is no server. */
    public static String freshPostgres(String prefix) {
        String name = prefix + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", POSTGRES_USER, "")) {
            for (String old : leftovers(c, prefix, Instant.now().minus(LEFTOVER_AGE))) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
            }
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            return null;
        }
        String url = POSTGRES_SERVER + name;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(url), "drop " + name));
        return url;
    }

    /** A new in-memory H2 database, as the embedded portal opens its file; it lives until the JVM ends. */
    public static String freshH2(String name) {
        return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** A connection pool on {@code url}, as one node would have, with the migrations applied. */
    public static HikariDataSource migrated(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(url.startsWith("jdbc:postgresql:") ? POSTGRES_USER : "sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(4);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return pool;
    }

    /** Drops a database {@link #freshPostgres} made; nothing when it is gone already or not PostgreSQL. */
    public static void drop(String url) {
        if (url == null || !url.startsWith(POSTGRES_SERVER)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", POSTGRES_USER, "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + url.substring(POSTGRES_SERVER.length()) + " WITH (FORCE)");
        } catch (SQLException e) {
            // the server went away first: a later run drops it once it is old enough
        }
    }

    private static List<String> leftovers(Connection c, String prefix, Instant before) throws SQLException {
        var names = new ArrayList<String>();
        var rows = c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'");
        Pattern own = Pattern.compile(Pattern.quote(prefix) + "(\\d{1,12})_[0-9a-f]{12}");
        while (rows.next()) {
            Matcher m = own.matcher(rows.getString(1));
            if (m.matches() && Instant.ofEpochSecond(Long.parseLong(m.group(1))).isBefore(before)) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
