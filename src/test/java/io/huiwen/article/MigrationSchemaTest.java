package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.huiwen.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An empty database gets the whole schema from the baseline migration {@code B13__schema.sql} in
 * one step, while a database an older Huiwen made keeps migrating through V1..V13: both end with
 * the same tables, columns, defaults, keys, indexes, checks and rows, on the embedded database and
 * on PostgreSQL, and a later migration applies on top of either.
 */
class MigrationSchemaTest {

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    final List<HikariDataSource> pools = new ArrayList<>();

    @TempDir Path laterMigrations;

    @AfterEach
    void close() {
        for (HikariDataSource pool : pools) {
            pool.close();
            TestDatabases.drop(pool.getJdbcUrl());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEmptyDatabaseGetsTheSchemaInOneStep(String database) {
        DataSource fresh = pool(database);
        MigrateResult result = flyway(fresh).migrate();
        assertThat(result.targetSchemaVersion).isEqualTo("13");
        assertThat(result.migrationsExecuted).isEqualTo(1);
        assertThat(JdbcClient.create(fresh).sql("SELECT version, type FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list()).containsExactly("13 SQL_BASELINE");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDatabaseMadeByTheStepwiseMigrationsHasTheSameSchemaAsAFreshOne(String database) throws SQLException {
        DataSource stepwise = stepwise(database);
        DataSource fresh = pool(database);
        flyway(fresh).migrate();
        assertThat(JdbcClient.create(stepwise).sql("SELECT COUNT(*) FROM flyway_schema_history WHERE type = 'SQL'").query(Long.class).single())
                .isEqualTo(13);

        Schema expected = Schema.of(stepwise);
        Schema actual = Schema.of(fresh);
        assertThat(actual.columns()).hasSize(expected.columns().size()).containsExactlyElementsOf(expected.columns());
        assertThat(actual.indexes()).containsExactlyElementsOf(expected.indexes());
        assertThat(actual.keys()).containsExactlyElementsOf(expected.keys());
        assertThat(actual.checks()).containsExactlyElementsOf(expected.checks());
        assertThat(actual.rows()).containsExactlyElementsOf(expected.rows());
        assertThat(actual.columns()).anyMatch(c -> c.startsWith("article.publish_precision "));
        assertThat(actual.indexes()).anyMatch(i -> i.contains("article_band0_lookup"));
        assertThat(actual.rows()).anyMatch(r -> r.startsWith("category 1 caijing 财经 10 经济,金融,"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLaterMigrationAppliesOnTopOfEither(String database) throws IOException, SQLException {
        Files.writeString(laterMigrations.resolve("V14__probe.sql"), """
                ALTER TABLE article ADD COLUMN probe VARCHAR(10) NOT NULL DEFAULT 'x';
                CREATE INDEX IF NOT EXISTS article_probe ON article (probe, sort_time);
                UPDATE category SET aliases = aliases || ',Probe' WHERE slug = 'keji';
                """);
        DataSource stepwise = stepwise(database);
        DataSource fresh = pool(database);
        flyway(fresh).migrate();

        for (DataSource db : List.of(stepwise, fresh)) {
            MigrateResult result = flyway(db, "filesystem:" + laterMigrations).migrate();
            assertThat(result.migrationsExecuted).isEqualTo(1);
            assertThat(result.targetSchemaVersion).isEqualTo("14");
            MigrationInfo current = flyway(db, "filesystem:" + laterMigrations).info().current();
            assertThat(current.getVersion().getVersion()).isEqualTo("14");
        }
        Schema expected = Schema.of(stepwise);
        Schema actual = Schema.of(fresh);
        assertThat(actual.columns()).containsExactlyElementsOf(expected.columns()).anyMatch(c -> c.startsWith("article.probe "));
        assertThat(actual.indexes()).containsExactlyElementsOf(expected.indexes()).anyMatch(i -> i.contains("article_probe"));
        assertThat(actual.rows()).containsExactlyElementsOf(expected.rows()).anyMatch(r -> r.contains(",Science,Probe"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDatabaseOfAnOlderVersionMigratesStepByStepAsBefore(String database) {
        DataSource old = pool(database);
        TestDatabases.olderHuiwen(old, "10").migrate();
        MigrateResult result = flyway(old).migrate();
        assertThat(result.migrationsExecuted).isEqualTo(3);
        assertThat(result.migrations).extracting(m -> m.version).containsExactly("11", "12", "13");
    }

    /** A database migrated V1..V12 by an older Huiwen and V13 by the next, as an install that followed the releases. */
    private DataSource stepwise(String database) {
        DataSource db = pool(database);
        TestDatabases.olderHuiwen(db, "12").migrate();
        flyway(db).migrate();
        return db;
    }

    private DataSource pool(String database) {
        String url = database.equals("h2") ? TestDatabases.freshH2("schema") : TestDatabases.freshPostgres("huiwen_schema_");
        assumeTrue(url != null, "no PostgreSQL server at " + TestDatabases.POSTGRES_SERVER);
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(database.equals("h2") ? "sa" : TestDatabases.POSTGRES_USER);
        pool.setPassword("");
        pool.setMaximumPoolSize(2);
        pools.add(pool);
        return pool;
    }

    private static Flyway flyway(DataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration").load();
    }

    private static Flyway flyway(DataSource db, String moreLocations) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration", moreLocations).load();
    }

    /**
     * What a database's schema consists of, as sorted lines that name no generated constraint or
     * index (H2 numbers those in the order it made them): the columns with type, nullability,
     * default and identity; the indexes; primary and foreign keys; checks; and every row outside
     * Flyway's own table, except the time a row was made.
     */
    record Schema(List<String> columns, List<String> indexes, List<String> keys, List<String> checks, List<String> rows) {

        static Schema of(DataSource db) throws SQLException {
            try (Connection c = db.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                String schema = c.getSchema();
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        String table = rs.getString("TABLE_NAME");
                        if (!table.equalsIgnoreCase("flyway_schema_history")) {
                            tables.add(table);
                        }
                    }
                }
                tables.sort(null);
                var columns = new ArrayList<String>();
                var indexes = new ArrayList<String>();
                var keys = new ArrayList<String>();
                var rows = new ArrayList<String>();
                for (String table : tables) {
                    try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                        while (rs.next()) {
                            columns.add(table + "." + rs.getString("COLUMN_NAME") + " #" + rs.getInt("ORDINAL_POSITION")
                                    + " " + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + ")"
                                    + " nullable=" + rs.getString("IS_NULLABLE") + " default=" + rs.getString("COLUMN_DEF")
                                    + " auto=" + rs.getString("IS_AUTOINCREMENT"));
                        }
                    }
                    Map<String, List<String>> indexColumns = new TreeMap<>();
                    try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
                        while (rs.next()) {
                            if (rs.getString("COLUMN_NAME") == null) {
                                continue;
                            }
                            String name = rs.getString("INDEX_NAME");
                            String key = table + " " + (rs.getBoolean("NON_UNIQUE") ? "index " : "unique ") + generatedOrName(name, table);
                            indexColumns.computeIfAbsent(key + "\u0000" + name, k -> new ArrayList<>())
                                    .add(rs.getShort("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME"));
                        }
                    }
                    indexColumns.forEach((key, cols) -> indexes.add(key.substring(0, key.indexOf('\u0000')) + " " + cols));
                    try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
                        while (rs.next()) {
                            keys.add(table + " primary " + rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME"));
                        }
                    }
                    try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                        while (rs.next()) {
                            keys.add(table + "." + rs.getString("FKCOLUMN_NAME") + " references " + rs.getString("PKTABLE_NAME") + "."
                                    + rs.getString("PKCOLUMN_NAME") + " on delete " + rs.getShort("DELETE_RULE"));
                        }
                    }
                    String order = table.equals("category") ? " ORDER BY slug" : "";
                    JdbcClient.create(db).sql("SELECT * FROM " + table + order).query((rs, n) -> {
                        var row = new StringBuilder(table);
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            if (!rs.getMetaData().getColumnName(i).equalsIgnoreCase("created_at")) {
                                row.append(' ').append(rs.getString(i));
                            }
                        }
                        return row.toString();
                    }).list().forEach(rows::add);
                }
                var checks = JdbcClient.create(db).sql("""
                        SELECT t.table_name || ' ' || c.check_clause FROM information_schema.table_constraints t
                        JOIN information_schema.check_constraints c
                          ON c.constraint_schema = t.constraint_schema AND c.constraint_name = t.constraint_name
                        WHERE t.table_schema = ? AND t.constraint_type = 'CHECK' AND t.table_name <> 'flyway_schema_history'""")
                        .param(schema).query(String.class).list();
                for (var list : List.of(columns, indexes, keys, rows)) {
                    list.sort(null);
                }
                var sortedChecks = new ArrayList<>(checks);
                sortedChecks.sort(null);
                return new Schema(columns, indexes, keys, sortedChecks, rows);
            }
        }

        /** H2 names the indexes behind keys by a counter (primary_key_8, constraint_index_2): those differ by creation order. */
        private static String generatedOrName(String name, String table) {
            return name.matches("(?i)(primary_key|constraint)_.*") ? "(generated)" : name;
        }
    }
}
