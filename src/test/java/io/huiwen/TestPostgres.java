package io.huiwen;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of a test's own on the local PostgreSQL server (127.0.0.1:5432, trust auth;
 * {@code -Dhuiwen.test.postgres=jdbc:postgresql://host:port/} and {@code -Dhuiwen.test.postgres.user}
 * point elsewhere), dropped when the JVM ends: the cached Spring context keeps using it until then.
 * Other runs share the server, some at the same time, so only leftovers of the same prefix made
 * hours ago (by a JVM that was killed) are dropped, never a database another run may be using.
 */
public final class TestPostgres {

    public static final String SERVER = System.getProperty("huiwen.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getProperty("huiwen.test.postgres.user", "postgres");
    /** A leftover database of the same prefix is dropped once it is this old. */
    static final Duration LEFTOVER_AGE = Duration.ofHours(6);

    private final String name;

    private TestPostgres(String name) {
        this.name = name;
    }

    /**
     * A fresh database named by the prefix, the second it was made in and a random part; empty when
     * no server answers.
     */
    public static Optional<TestPostgres> create(String prefix) {
        String name = prefix + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            for (String old : leftovers(c, prefix, Instant.now().minus(LEFTOVER_AGE))) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
            }
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            return Optional.empty();
        }
        var database = new TestPostgres(name);
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop " + name));
        return Optional.of(database);
    }

    public String name() {
        return name;
    }

    public String url() {
        return SERVER + name;
    }

    /** Points a Spring test's datasource at this database. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }

    public void drop() {
        drop(name);
    }

    /** Drops the named database; nothing when it is gone already. */
    static void drop(String name) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // the server went away first: a later run drops it once it is old enough
        }
    }

    /** Databases of this prefix made before the given time; each name says when it was made. */
    static List<String> leftovers(Connection c, String prefix, Instant before) throws SQLException {
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
