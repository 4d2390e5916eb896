package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class StartupWritesTest {

    private final StartupWrites writes = new StartupWrites();

    @Test
    void withNoWritesWhatFollowsThemCanStartAtOnce() {
        assertThat(writes.done()).isCompleted();
    }

    @Test
    void doneOnlyWhenEveryWriteHasEndedFailedOnesIncluded() {
        CompletableFuture<Long> demo = new CompletableFuture<>();
        CompletableFuture<Long> other = new CompletableFuture<>();
        writes.add(demo);
        writes.add(other);
        CompletableFuture<Void> done = writes.done();

        demo.complete(39L);
        assertThat(done).isNotDone();
        other.completeExceptionally(new IllegalStateException("disk full"));
        assertThat(done).isCompleted(); // the writer reports its own failure; the index catches up with what is there
    }

    @Test
    void aWriteAddedAfterTheQuestionIsNotWaitedFor() {
        CompletableFuture<Void> done = writes.done();
        writes.add(new CompletableFuture<>());
        assertThat(done).isCompleted();
    }
}
