package io.huiwen.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The reader fixtures under src/test/resources/collect/. */
final class Fixtures {

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/collect/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code work} with a generous guard, so a parser that starts expanding entities fails the
     * test instead of hanging the build; not a speed assertion.
     */
    static <T> T guarded(Callable<T> work) throws Throwable {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause() : e.getCause();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("still parsing after 60 s: entity expansion?");
        }
    }
}
