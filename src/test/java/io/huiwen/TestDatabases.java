package io.huiwen;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Databases for tests that play several nodes on one database: a fresh PostgreSQL database on
 * the local server ({@link TestPostgres}), or a fresh in-memory H2 in the portal's PostgreSQL
 * mode; and pools on them with Huiwen's migrations applied.
 */
public final class TestDatabases {

    public static final String POSTGRES_SERVER = TestPostgres.SERVER;
    public static final String POSTGRES_USER = TestPostgres.USER;

    private TestDatabases() {}

    /** The URL of a new, empty PostgreSQL database (dropped when the JVM ends); null when there is no server. */
    public static String freshPostgres(String prefix) {
        return TestPostgres.create(prefix).map(TestPostgres::url).orElse(null);
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

    /**
     * Flyway as a Huiwen whose newest migration was {@code version} ran it: V1..{@code version} one by
     * one. Such a Huiwen had no baseline migration ({@code B13__schema.sql}), which Flyway would
     * otherwise run on an empty database whatever the target.
     */
    public static Flyway olderHuiwen(DataSource db, String version) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration").target(version)
                .configuration(Map.of("flyway.baselineMigrationPrefix", "none-before-B13_")).load();
    }

    /** Drops a database {@link #freshPostgres} made; nothing when it is gone already or not PostgreSQL. */
    public static void drop(String url) {
        if (url != null && url.startsWith(POSTGRES_SERVER)) {
            TestPostgres.drop(url.substring(POSTGRES_SERVER.length()));
        }
    }
}
