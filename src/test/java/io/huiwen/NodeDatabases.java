package io.huiwen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One embedded H2 and one PostgreSQL database for a test class that plays several nodes on one
 * database: {@link #node} gives each node a connection pool of its own, with the migrations
 * applied. Register with {@code @RegisterExtension static final NodeDatabases DATABASES = new NodeDatabases("name");}
 * and run each test for {@code "h2"} and {@code "postgresql"}; the pools close and the PostgreSQL
 * database is dropped after the class.
 */
public final class NodeDatabases implements AfterAllCallback {

    private final Map<String, String> urls = new HashMap<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    public NodeDatabases(String name) {
        urls.put("h2", TestDatabases.freshH2(name));
        String postgres = TestDatabases.freshPostgres("huiwen_" + name + "_");
        if (postgres != null) {
            urls.put("postgresql", postgres);
        }
    }

    /** A node's connection to the named database ({@code h2} or {@code postgresql}); skips the test when there is no PostgreSQL server. */
    public JdbcClient node(String database) {
        assumeTrue(urls.containsKey(database), "no PostgreSQL server at " + TestDatabases.POSTGRES_SERVER);
        HikariDataSource pool = TestDatabases.migrated(urls.get(database));
        pools.add(pool);
        return JdbcClient.create(pool);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pools.forEach(HikariDataSource::close);
        TestDatabases.drop(urls.get("postgresql"));
    }
}
