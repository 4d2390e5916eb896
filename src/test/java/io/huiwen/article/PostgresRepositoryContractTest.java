package io.huiwen.article;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huiwen.TestDataDir;
import io.huiwen.TestPostgres;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The repository contract on PostgreSQL: a fresh database of its own on the local server, skipped when there is none. */
class PostgresRepositoryContractTest extends RepositoryContract {

    static final Optional<TestPostgres> DATABASE = TestPostgres.create("huiwen_contract_");
    static final Path DATA = TestDataDir.create("contract-postgres");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        assumeTrue(DATABASE.isPresent(), "no PostgreSQL server at " + TestPostgres.SERVER);
        DATABASE.get().register(registry);
        registry.add("huiwen.data-dir", DATA::toString);
    }
}
