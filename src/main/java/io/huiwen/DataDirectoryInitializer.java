package io.huiwen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code huiwen.data-dir} absolute, creates it, and points the datasource at an H2 file
 * inside it unless {@code spring.datasource.url} is given (PostgreSQL at scale).
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
        Path dataDir = dataDir(env);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        var defaults = new java.util.HashMap<String, Object>();
        defaults.put("huiwen.data-dir", dataDir.toString());
        if (!env.containsProperty("spring.datasource.url")) {
            defaults.put("spring.datasource.url", h2Url(dataDir));
            defaults.put("spring.datasource.username", "sa");
            defaults.put("spring.datasource.password", "");
        }
        env.getPropertySources().addFirst(new MapPropertySource("huiwenDataDirectory", Map.copyOf(defaults)));
    }

    static Path dataDir(ConfigurableEnvironment env) {
        return Path.of(env.getProperty("huiwen.data-dir", "./data")).toAbsolutePath().normalize();
    }

    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("huiwen") + H2_OPTIONS;
    }
}
