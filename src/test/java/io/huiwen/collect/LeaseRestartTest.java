package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huiwen.HuiwenApplication;
import io.huiwen.NodeId;
import io.huiwen.TestDataDir;
import io.huiwen.article.SourceRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that died holding leases gets them back at once when it starts again on the same data
 * directory (so the same node id): the application is started, left as a crash leaves its rows,
 * and started again. Run on the embedded H2 and on the machine's PostgreSQL, so the lease SQL is
 * proven on both databases.
 */
class LeaseRestartTest {

    static final String POSTGRES = System.getProperty("huiwen.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String POSTGRES_USER = System.getProperty("huiwen.test.postgres.user", "postgres");

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aRestartedNodeReleasesTheLeasesItDiedHoldingAndNoOthers(String database) throws Exception {
        Path dataDir = TestDataDir.create("lease-restart-" + database);
        String postgresDatabase = database.equals("postgresql") ? createPostgresDatabase() : null;
        try {
            List<String> args = settings(dataDir, postgresDatabase);
            OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
            String node;
            long own, other;
            try (ConfigurableApplicationContext first = start(args)) {
                node = first.getBean(NodeId.class).value();
                assertThat(Files.readString(dataDir.resolve("node-id")).strip()).as("the generated id is kept").isEqualTo(node);
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                own = insertSource(jdbc, "own");
                other = insertSource(jdbc, "other");
                // this node died polling `own`; a live node-b is polling `other`
                jdbc.sql("UPDATE source SET lease_owner = ?, lease_until = ? WHERE id = ?").params(node, until, own).update();
                jdbc.sql("UPDATE source SET lease_owner = 'node-b', lease_until = ? WHERE id = ?").params(until, other).update();
            }
            try (ConfigurableApplicationContext second = start(args)) {
                assertThat(second.getBean(NodeId.class).value()).as("the same node after a restart").isEqualTo(node);
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                assertThat(lease(jdbc, own)).as("released at startup").isEqualTo(new Lease(null, null));
                assertThat(lease(jdbc, other)).as("another node's lease is left alone").isEqualTo(new Lease("node-b", until));

                SourceRepository sources = second.getBean(SourceRepository.class);
                SourcePoller poller = second.getBean(SourcePoller.class);
                assertThat(poller.runNow(sources.findById(own).orElseThrow())).as("run now works at once").isPresent();
                assertThat(jdbc.sql("SELECT last_error FROM source WHERE id = ?").param(own).query(String.class).single())
                        .as("the poll's outcome is recorded (loopback is refused here)").isNotNull();
                assertThat(lease(jdbc, own)).isEqualTo(new Lease(null, null));
                assertThat(poller.runNow(sources.findById(other).orElseThrow())).isEmpty();

                dueSourcesAreLeasedAndRenewedOnlyByTheirOwner(jdbc, sources, own, other);
            }
        } finally {
            if (postgresDatabase != null) {
                dropPostgresDatabase(postgresDatabase);
            }
        }
    }

    /** The rest of the lease SQL, on the same database: leasing due sources, renewing and releasing by owner. */
    private static void dueSourcesAreLeasedAndRenewedOnlyByTheirOwner(JdbcClient jdbc, SourceRepository sources, long own, long other) {
        jdbc.sql("UPDATE source SET enabled = TRUE, next_poll_at = ? WHERE id IN (?, ?)")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), own, other).update();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        assertThat(sources.leaseDue(10, "node-c", now, now.plusSeconds(60))).as("node-b's source stays with node-b").containsExactly(own);
        assertThat(lease(jdbc, own)).isEqualTo(new Lease("node-c", now.plusSeconds(60)));
        assertThat(sources.renewLease(own, "node-b", now.plusSeconds(90))).isFalse();
        assertThat(sources.renewLease(own, "node-c", now.plusSeconds(90))).isTrue();
        assertThat(sources.recordSuccess(own, "node-b", now, false, null, null)).isFalse();
        sources.releaseLease(own, "node-b");
        assertThat(lease(jdbc, own)).isEqualTo(new Lease("node-c", now.plusSeconds(90)));
        assertThat(sources.recordSuccess(own, "node-c", now, false, null, null)).isTrue();
        assertThat(lease(jdbc, own)).isEqualTo(new Lease(null, null));
    }

    record Lease(String owner, OffsetDateTime until) {}

    static Lease lease(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT lease_owner, lease_until FROM source WHERE id = ?").param(id)
                .query((rs, i) -> {
                    OffsetDateTime until = rs.getObject(2, OffsetDateTime.class);
                    return new Lease(rs.getString(1), until == null ? null : until.withOffsetSameInstant(ZoneOffset.UTC));
                }).single();
    }

    static long insertSource(JdbcClient jdbc, String name) {
        String url = "http://127.0.0.1:9/" + name + "/feed.xml";
        jdbc.sql("INSERT INTO source (name, url, type, enabled) VALUES (?, ?, 'feed', FALSE)").params(name, url).update();
        return jdbc.sql("SELECT id FROM source WHERE url = ?").param(url).query(Long.class).single();
    }

    static List<String> settings(Path dataDir, String postgresDatabase) {
        List<String> args = new ArrayList<>(List.of("--huiwen.data-dir=" + dataDir, "--huiwen.demo-content=false",
                "--huiwen.collect.enabled=false", "--huiwen.search.sync-interval=1h", "--huiwen.rank.flush-interval=1h",
                "--huiwen.collect.retries=0", "--spring.main.banner-mode=off", "--logging.level.root=warn"));
        if (postgresDatabase != null) {
            args.addAll(List.of("--spring.datasource.url=" + POSTGRES + postgresDatabase,
                    "--spring.datasource.username=" + POSTGRES_USER, "--spring.datasource.password="));
        }
        return args;
    }

    static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(HuiwenApplication.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /** A database of its own on the local PostgreSQL; the test is skipped there when no server answers. */
    static String createPostgresDatabase() {
        String name = "huiwen_lease_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", POSTGRES_USER, "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            assumeTrue(false, "no PostgreSQL server at " + POSTGRES + ": " + e.getMessage());
            return null;
        }
    }

    static void dropPostgresDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", POSTGRES_USER, "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
