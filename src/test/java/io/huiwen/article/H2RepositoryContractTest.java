package io.huiwen.article;

import io.huiwen.TestDataDir;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The repository contract on embedded H2, the default: a database file in a fresh data directory. */
class H2RepositoryContractTest extends RepositoryContract {

    static final Path DATA = TestDataDir.create("contract-h2");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }
}
