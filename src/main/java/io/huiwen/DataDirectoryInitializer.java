package io.huiwen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code huiwen.data-dir} absolute, creates it, locks it for this process (see
 * {@link DataDirLock}; released when the context closes or fails to start), and points the datasource at an H2 file
 * inside it unless {@code spring.datasource.url} is given (PostgreSQL at scale), a new one starting
 * from the build's {@link SchemaTemplate}. The H2 URL carries
 * {@code huiwen.db.write-delay} as H2's WRITE_DELAY: at 0 every commit is written to the file
 * before it returns (H2 2.4 otherwise keeps commits in memory for up to 500 ms).
 */
public class DataDirectoryInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /**
     * PostgreSQL dialect; each session keeps 128 parsed statements (H2's default of 8 made a home
     * page, with a score of distinct queries, spend most of its time parsing SQL).
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        HuiwenProperties properties = Binder.get(env).bindOrCreate("huiwen", HuiwenProperties.class);
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        // the directory Spring opens is the one locked, however it was given (yml, relaxed name, environment)
        DataDirLock lock = DataDirLock.acquire(dataDir);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context
                    || event instanceof ApplicationFailedEvent) {
                lock.close();
            }
        });
        var defaults = new java.util.HashMap<String, Object>();
        defaults.put("huiwen.data-dir", dataDir.toString());
        if (!env.containsProperty("spring.datasource.url")) {
            SchemaTemplate.copyIfNew(dataDir.resolve("db"), env);
            defaults.put("spring.datasource.url", h2Url(dataDir, properties.db().writeDelay()));
            defaults.put("spring.datasource.username", "sa");
            defaults.put("spring.datasource.password", "");
        }
        env.getPropertySources().addFirst(new MapPropertySource("huiwenDataDirectory", Map.copyOf(defaults)));
    }

    public static String h2Url(Path dataDir, Duration writeDelay) {
        long millis = Math.max(0, Math.min(Integer.MAX_VALUE, writeDelay.toMillis()));
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("huiwen") + H2_OPTIONS + ";WRITE_DELAY=" + millis;
    }
}
