package io.huiwen.article;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Writes a portal makes on threads of their own while it starts (the demo articles of a fresh
 * portal), so that what follows them can start as soon as they are done rather than when Spring has
 * built everything: the search index catches up with them beside the rest of the start.
 * {@link #done} covers the writes added before it is asked; the index's catch-up before readiness
 * reads the log again anyway.
 */
@Component
public class StartupWrites {

    private final List<CompletableFuture<?>> writes = new ArrayList<>();

    /** Adds a write in progress. */
    public synchronized void add(CompletableFuture<?> write) {
        writes.add(write);
    }

    /** Completes when every write added so far has ended, whether it succeeded or failed (the writer reports its failure). */
    public synchronized CompletableFuture<Void> done() {
        return CompletableFuture.allOf(writes.stream().map(w -> w.handle((result, failure) -> null)).toArray(CompletableFuture[]::new));
    }
}
