package io.huiwen.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.zaxxer.hikari.HikariDataSource;
import io.huiwen.HandClock;
import io.huiwen.TestDatabases;
import io.huiwen.article.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account tables as several nodes share them, on H2 and on PostgreSQL: nodes starting at the
 * same moment make one first admin; failed logins counted on two nodes at once all count; two
 * ADMINs taking each other's rights at once leave one; and an install from before users existed
 * keeps its admin password through migration V10. Each "node" has a pool of its own; the calls run
 * in transactions as the Spring proxies would run them.
 */
class AccountStorageTest {

    static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    static final List<HikariDataSource> POOLS = new ArrayList<>();
    final HandClock clock = new HandClock("2026-11-29T08:00:00Z");

    /** One node's pool, users, throttle and transactions. */
    record Node(JdbcClient jdbc, Users users, LoginThrottle throttle, TransactionTemplate tx) {
        <T> T inTransaction(Supplier<T> work) {
            return tx.execute(status -> work.get());
        }
    }

    static String url(String database) {
        String url = "h2".equals(database) ? TestDatabases.freshH2("accounts") : TestDatabases.freshPostgres("huiwen_accounts_");
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null, "no PostgreSQL server at " + TestDatabases.POSTGRES_SERVER);
        return url;
    }

    Node node(String url) {
        HikariDataSource pool = TestDatabases.migrated(url);
        POOLS.add(pool);
        JdbcClient jdbc = JdbcClient.create(pool);
        return new Node(jdbc, new Users(jdbc, ENCODER, mock(AuditLog.class), clock), new LoginThrottle(jdbc, clock),
                new TransactionTemplate(new DataSourceTransactionManager(pool)));
    }

    @AfterAll
    static void close() {
        POOLS.forEach(HikariDataSource::close);
    }

    static <T> List<T> together(Supplier<T> first, Supplier<T> second) {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<CompletableFuture<T>> runs = new ArrayList<>();
        for (Supplier<T> work : List.of(first, second)) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    barrier.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return work.get();
            }));
        }
        return runs.stream().map(CompletableFuture::join).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoNodesStartingTogetherMakeOneFirstAdmin(String database) {
        String url = url(database);
        Node a = node(url);
        Node b = node(url);
        List<Boolean> made = together(() -> a.inTransaction(() -> a.users().createFirstAdmin("admin", ENCODER.encode("password-of-a"))),
                () -> b.inTransaction(() -> b.users().createFirstAdmin("admin", ENCODER.encode("password-of-b"))));
        assertThat(made).containsExactlyInAnyOrder(true, false);
        assertThat(a.jdbc().sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).isEqualTo(1);
        String hash = a.users().credentials("admin").orElseThrow().passwordHash();
        assertThat(ENCODER.matches(made.get(0) ? "password-of-a" : "password-of-b", hash)).as("the winner's password holds").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void failuresCountedOnTwoNodesAtOnceAllCount(String database) {
        String url = url(database);
        Node a = node(url);
        Node b = node(url);
        for (int i = 0; i < 4; i++) {
            together(() -> a.inTransaction(() -> {
                a.throttle().failed("shared.name", "10.0.0.1");
                return null;
            }), () -> b.inTransaction(() -> {
                b.throttle().failed("shared.name", "10.0.0.2");
                return null;
            }));
        }
        assertThat(a.jdbc().sql("SELECT failures FROM login_attempt WHERE kind = 'user' AND subject = 'shared.name'").query(Integer.class).single())
                .isEqualTo(8);
        assertThat(b.throttle().refusedUntil("shared.name", "10.0.0.3")).as("seen from either node").isPresent();
        a.throttle().succeeded("shared.name");
        assertThat(b.throttle().refusedUntil("shared.name", "10.0.0.3")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoAdminsDemotingEachOtherAtOnceLeaveOne(String database) {
        String url = url(database);
        Node a = node(url);
        Node b = node(url);
        long li = a.users().create("test", "li.admin", "li-admin-password", Role.ADMIN).id();
        long wang = a.users().create("test", "wang.admin", "wang-admin-password", Role.ADMIN).id();
        List<Object> outcomes = together(() -> attempt(a, () -> a.users().changeRole("li.admin", wang, Role.EDITOR)),
                () -> attempt(b, () -> b.users().changeRole("wang.admin", li, Role.EDITOR)));
        assertThat(outcomes).as("one demotion goes through, the other is refused").hasExactlyElementsOfTypes(
                outcomes.get(0) instanceof AccountProblem ? AccountProblem.class : UserAccount.class,
                outcomes.get(0) instanceof AccountProblem ? UserAccount.class : AccountProblem.class);
        assertThat(a.jdbc().sql("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND enabled").query(Long.class).single()).isEqualTo(1);
    }

    private static Object attempt(Node node, Supplier<UserAccount> change) {
        try {
            return node.inTransaction(change);
        } catch (AccountProblem e) {
            return e;
        }
    }

    /** Before V10 the generated admin password's hash was a setting; the migration makes it the first user. */
    @Test
    void anInstallFromBeforeUsersKeepsItsAdminPassword() {
        String url = TestDatabases.freshH2("legacy");
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(url);
            pool.setUsername("sa");
            pool.setPassword("");
            TestDatabases.olderHuiwen(pool, "9").migrate();
            JdbcClient jdbc = JdbcClient.create(pool);
            jdbc.sql("INSERT INTO app_setting (name, setting_value) VALUES ('admin_password_hash', ?)").param(ENCODER.encode("old-generated")).update();
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            Users users = new Users(jdbc, ENCODER, mock(AuditLog.class), clock);
            Users.Credentials admin = users.credentials("admin").orElseThrow();
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.enabled()).isTrue();
            assertThat(ENCODER.matches("old-generated", admin.passwordHash())).isTrue();
        }
    }
}
