package io.huiwen;

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

/**
 * A fresh database of a test's own on the machine's PostgreSQL server (127.0.0.1:5432, trust
 * auth), dropped when the JVM ends. Other runs share the server, some at the same time: only
 * leftovers of the same prefix, hours old, are dropped, never a database another run may use.
 */
public final class PostgresDatabase {

    public static final String SERVER = System.getProperty("huiwen.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getProperty("huiwen.test.postgres.user", "postgres");
    /** A database left behind by a JVM that was killed is dropped once it is this old. */
    static final Duration LEFTOVER_AGE = Duration.ofHours(6);

    private final String name;
    private final boolean available;

    private PostgresDatabase(String prefix) {
        this.name = prefix + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.available = make(prefix);
    }

    /** A new database named {@code <prefix><epoch second>_<random>}; check {@link #available()}. */
    public static PostgresDatabase create(String prefix) {
        return new PostgresDatabase(prefix);
    }

    public boolean available() {
        return available;
    }

    public String url() {
        return SERVER + name;
    }

    public String name() {
        return name;
    }

    private boolean make(String prefix) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            for (String old : leftovers(c, prefix, Instant.now().minus(LEFTOVER_AGE))) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
            }
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            return false;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::drop, "drop " + name));
        return true;
    }

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

    private void drop() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // the server went away first: a later run drops it once it is old enough
        }
    }
}
