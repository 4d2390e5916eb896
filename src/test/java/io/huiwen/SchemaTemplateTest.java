package io.huiwen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** A new embedded database starts from the build's migrated schema, only where Flyway is configured as the build's was. */
class SchemaTemplateTest {

    @TempDir Path dataDir;

    @Test
    void aNewDataDirectoryGetsTheMigratedSchemaWithItsHistory() throws Exception {
        assertThat(SchemaTemplate.copyIfNew(dataDir.resolve("db"), new MockEnvironment())).isTrue();

        try (Connection c = DriverManager.getConnection(DataDirectoryInitializer.h2Url(dataDir, Duration.ZERO), "sa", "");
             ResultSet history = c.createStatement().executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL");
             ResultSet categories = c.createStatement().executeQuery("SELECT COUNT(*) FROM category");
             ResultSet articles = c.createStatement().executeQuery("SELECT COUNT(*) FROM article")) {
            assertThat(history.next()).isTrue();
            assertThat(history.getString(1)).isEqualTo("13");
            assertThat(history.getBoolean(2)).isTrue();
            categories.next();
            assertThat(categories.getInt(1)).as("the categories the migrations add").isPositive();
            articles.next();
            assertThat(articles.getInt(1)).isZero();
        }
        assertThat(dataDir.resolve("db")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void anExistingDatabaseIsNeverReplaced() throws Exception {
        Path db = Files.createDirectories(dataDir.resolve("db")).resolve("huiwen.mv.db");
        Files.writeString(db, "the editors' database");

        assertThat(SchemaTemplate.copyIfNew(dataDir.resolve("db"), new MockEnvironment())).isFalse();
        assertThat(Files.readString(db)).isEqualTo("the editors' database");
    }

    @Test
    void flywaySettingsOtherThanTheBuildsLeaveTheSchemaToFlywayAtStart() {
        assertThat(SchemaTemplate.copyIfNew(dataDir.resolve("db"),
                new MockEnvironment().withProperty("spring.flyway.table", "schema_history"))).isFalse();
        assertThat(SchemaTemplate.copyIfNew(dataDir.resolve("db"),
                new MockEnvironment().withProperty("spring.flyway.locations", "classpath:db/migration,filesystem:/srv/extra"))).isFalse();
        assertThat(SchemaTemplate.copyIfNew(dataDir.resolve("db"),
                new MockEnvironment().withProperty("spring.flyway.enabled", "false"))).isFalse();
        assertThat(dataDir.resolve("db").resolve("huiwen.mv.db")).doesNotExist();

        assertThat(SchemaTemplate.buildsFlyway(new MockEnvironment().withProperty("spring.flyway.locations", "classpath:db/migration"))).isTrue();
    }
}
