package io.huiwen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded database's schema, made by the build: {@link #main} runs the migrations (Flyway, as a
 * start would) on an empty H2 file and ships the result in the jar; a portal or command whose data
 * directory has no database yet starts from a copy of it, and Flyway at start finds every migration
 * applied and only validates them. Creating the schema (parsing the baseline script and running its
 * statements, each a commit) is then not part of a first start. Only where the start's Flyway would
 * do exactly what the build's did: the default H2 file ({@code spring.datasource.url} not given) and
 * no {@code spring.flyway.*} setting but the jar's own migrations' location; otherwise Flyway creates
 * the schema at start, as it always did.
 */
public final class SchemaTemplate {

    static final String RESOURCE = "db/template/huiwen.mv.db";
    static final String LOCATIONS = "classpath:db/migration";

    private SchemaTemplate() {}

    /** Writes the template into the classes directory {@code args[0]}; run by the build (exec-maven-plugin, process-classes). */
    public static void main(String[] args) throws IOException, SQLException {
        Path classes = Path.of(args[0]);
        Path work = Files.createTempDirectory("huiwen-schema");
        try {
            String url = DataDirectoryInitializer.h2Url(work, Duration.ZERO);
            Flyway.configure(SchemaTemplate.class.getClassLoader()).dataSource(url, "sa", "").locations(LOCATIONS).load().migrate();
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            Path target = classes.resolve(RESOURCE);
            Files.createDirectories(target.getParent());
            Files.copy(work.resolve("db").resolve("huiwen.mv.db"), target, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("SchemaTemplate: the migrated empty schema written to " + target + " (" + Files.size(target) + " bytes)");
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * Puts the template in {@code dbDir} as the database file when there is none yet and the start's
     * Flyway settings are the build's; returns whether it did. Written beside and then renamed, so a
     * start killed meanwhile leaves no half file (a leftover one is overwritten by the next start).
     */
    static boolean copyIfNew(Path dbDir, ConfigurableEnvironment env) {
        Path file = dbDir.resolve("huiwen.mv.db");
        if (Files.exists(file) || !buildsFlyway(env)) {
            return false;
        }
        try (InputStream template = SchemaTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (template == null) { // compiled classes without the build's process-classes step (an IDE)
                return false;
            }
            Files.createDirectories(dbDir);
            Path part = dbDir.resolve("huiwen.mv.db.part");
            Files.copy(template, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database in " + dbDir, e);
        }
    }

    /** Whether the start's Flyway is configured as the build's was: enabled, our migrations only, the defaults otherwise. */
    static boolean buildsFlyway(ConfigurableEnvironment env) {
        Map<String, Object> flyway = Binder.get(env).bind("spring.flyway", Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
        return flyway.keySet().stream().allMatch("locations"::equals)
                && LOCATIONS.equals(String.valueOf(flyway.getOrDefault("locations", LOCATIONS)).trim());
    }
}
