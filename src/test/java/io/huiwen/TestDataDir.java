package io.huiwen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh data directory per test class, so each Spring context has its own database and index. */
public final class TestDataDir {

    private TestDataDir() {}

    public static Path create(String name) {
        try {
            return Files.createTempDirectory("huiwen-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
