package io.huiwen.search;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a rebuild's batches on every core while the calling thread reads the next ones from the
 * database: analysis (segmentation, character pairs, pinyin) is most of the cost of indexing. A
 * few batches at most wait in memory; the first failure stops the reading and is rethrown.
 */
final class ParallelBatches {

    /** Work on one batch that may fail with anything. */
    interface Work<T> {
        void on(List<T> batch) throws Exception;
    }

    private ParallelBatches() {}

    /** Does {@code work} on every batch, several at once; returns once all are done, or throws the first failure. */
    static <T> void run(Iterable<List<T>> batches, Work<T> work) throws Exception {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "huiwen-reindex");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(threads * 2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            for (List<T> batch : batches) {
                inFlight.acquireUninterruptibly();
                if (failure.get() != null) {
                    inFlight.release();
                    break;
                }
                pool.execute(() -> {
                    try {
                        work.on(batch);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            inFlight.acquireUninterruptibly(threads * 2); // every batch done
        } finally {
            pool.shutdownNow();
        }
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
    }
}
