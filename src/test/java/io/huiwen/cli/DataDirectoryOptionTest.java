package io.huiwen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.DataDirLock;
import io.huiwen.TestDataDir;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A command opens, and locks, the data directory Spring resolves, however it is given: in an
 * application.yml, or as an option in relaxed spelling (issue #11: the command used to lock ./data
 * and then die inside H2 with "Database may be already in use").
 */
class DataDirectoryOptionTest {

    static final Path HTML = Path.of("src/test/resources/pages/english-article.html");

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String inUse(Path dir) {
        return "the data directory " + dir.toAbsolutePath().normalize() + " is in use by another Huiwen process (a running server?); stop it first";
    }

    static Path applicationYml(Path dataDir) throws Exception {
        Path config = Files.createTempDirectory("huiwen-config").resolve("application.yml");
        Files.writeString(config, "huiwen:\n  data-dir: " + dataDir + "\n");
        return config;
    }

    @Test
    void importUsesAndLocksTheDataDirectoryOfAnApplicationYml() throws Exception {
        Path data = TestDataDir.create("yml");
        String location = "--spring.config.additional-location=file:" + applicationYml(data);
        try (DataDirLock held = DataDirLock.acquire(data)) {
            Run refused = run("import", location, HTML.toString());
            assertThat(refused.status()).isEqualTo(2);
            assertThat(refused.err().strip()).isEqualTo("huiwen import: " + inUse(data));
        }
        Run r = run("import", location, HTML.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported 1");
        assertThat(data.resolve("db")).isDirectory();
        DataDirLock.acquire(data).close(); // released when the command is done
    }

    @Test
    void importUsesAndLocksTheDataDirectoryOfARelaxedOption() {
        Path data = TestDataDir.create("relaxed");
        try (DataDirLock held = DataDirLock.acquire(data)) {
            Run refused = run("import", "--huiwen.dataDir=" + data, HTML.toString());
            assertThat(refused.status()).isEqualTo(2);
            assertThat(refused.err().strip()).isEqualTo("huiwen import: " + inUse(data));
        }
        Run r = run("import", "--huiwen.dataDir=" + data, HTML.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(data.resolve("db")).isDirectory();
    }

    @Test
    void aSecondCommandOnAHeldDirectorySaysSoInOneLine() {
        Path data = TestDataDir.create("held");
        try (DataDirLock held = DataDirLock.acquire(data)) {
            Run r = run("reindex", "--huiwen.data-dir=" + data);
            assertThat(r.status()).isNotZero();
            assertThat(r.err().lines()).containsExactly("huiwen reindex: " + inUse(data));
            assertThat(r.out()).isEmpty();
        }
    }
}
