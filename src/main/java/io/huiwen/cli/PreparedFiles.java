package io.huiwen.cli;

import io.huiwen.article.ArticleStore.Prepared;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The files of an import made ready (read, extracted, enriched) by worker threads a little
 * ahead of the one thread that stores them, and handed over in the files' order. At most
 * {@code ahead} files are in the works or waiting at once.
 */
final class PreparedFiles implements AutoCloseable {

    /** How a file is made ready; may fail for that file alone (unreadable, no article) or for good. */
    interface Preparation {
        Prepared prepare(Path file) throws Exception;
    }

    /** File number {@code index} (from 0), made ready, or the reason it could not be. */
    record Ready(int index, Path file, Prepared prepared, Exception failure) {}

    private final List<Path> files;
    private final Preparation preparation;
    private final ExecutorService workers;
    private final ArrayDeque<Future<Ready>> pending = new ArrayDeque<>();
    private int submitted;

    PreparedFiles(List<Path> files, Preparation preparation, int threads, int ahead) {
        this.files = files;
        this.preparation = preparation;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        while (submitted < Math.min(ahead, files.size())) {
            submitNext();
        }
    }

    boolean hasNext() {
        return !pending.isEmpty();
    }

    /** The next file in order, waiting for it to be made ready. */
    Ready next() {
        Future<Ready> head = pending.poll();
        if (head == null) {
            throw new java.util.NoSuchElementException();
        }
        if (submitted < files.size()) {
            submitNext();
        }
        try {
            return head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            // only errors (not exceptions) escape a preparation: out of memory and the like
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The next file if it is made ready already and did not fail; otherwise null, and it stays next. */
    Ready nextIfPrepared() {
        return nextIfPrepared(0);
    }

    /** As {@link #nextIfPrepared()}, waiting up to {@code waitNanos} for the next file to be made ready. */
    Ready nextIfPrepared(long waitNanos) {
        Future<Ready> head = pending.peek();
        if (head == null) {
            return null;
        }
        if (!head.isDone() && waitNanos > 0) {
            try {
                head.get(waitNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // not ready in time (or failed beyond the file): left for next() to report
            }
        }
        if (!head.isDone()) {
            return null;
        }
        Ready ready = next();
        if (ready.failure() == null) {
            return ready;
        }
        pending.addFirst(java.util.concurrent.CompletableFuture.completedFuture(ready));
        return null;
    }

    private void submitNext() {
        int index = submitted++;
        Path file = files.get(index);
        pending.add(workers.submit(() -> {
            try {
                return new Ready(index, file, preparation.prepare(file), null);
            } catch (Exception e) {
                return new Ready(index, file, null, e);
            }
        }));
    }

    /** Stops the workers; files not taken are dropped. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
