package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.article.ChangeLog.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    static Change c(long id) {
        return new Change(id, 1000 + id);
    }

    @Test
    void inOrderChangesMoveThePositionAlong() {
        var cursor = new ChangeCursor(4);
        cursor.read(List.of(c(5), c(6), c(7)), 0);
        assertThat(cursor.position()).isEqualTo(7);
        assertThat(cursor.readUpTo()).isEqualTo(7);
        assertThat(cursor.hasHoles()).isFalse();
    }

    @Test
    void aSkippedIdHoldsThePositionUntilItsCommitTurnsUp() {
        var cursor = new ChangeCursor(0);
        cursor.read(List.of(c(1), c(3), c(4)), 0); // 2 is still being committed
        assertThat(cursor.readUpTo()).isEqualTo(4);
        assertThat(cursor.position()).as("a restart must read 2 again").isEqualTo(1);
        assertThat(cursor.lowestHole()).isEqualTo(2);
        assertThat(cursor.highestHole()).isEqualTo(2);

        assertThat(cursor.filled(List.of(c(2), c(3)))).as("only the hole is applied again").containsExactly(c(2));
        assertThat(cursor.position()).isEqualTo(4);
    }

    @Test
    void aHoleNobodyFillsIsGivenUpAfterTheGrace() {
        var cursor = new ChangeCursor(0);
        cursor.read(List.of(c(1), c(4)), 1_000);
        assertThat(cursor.position()).isEqualTo(1);
        assertThat(cursor.expire(30_000, 60_000)).isZero();
        assertThat(cursor.position()).isEqualTo(1);
        assertThat(cursor.expire(61_000, 60_000)).isEqualTo(2); // 2 and 3: rolled back
        assertThat(cursor.position()).isEqualTo(4);
    }

    @Test
    void holesFoundLaterExpireLater() {
        var cursor = new ChangeCursor(0);
        cursor.read(List.of(c(2)), 0);
        cursor.read(List.of(c(5)), 50_000);
        cursor.expire(60_000, 60_000);
        assertThat(cursor.position()).as("1 given up, 3 and 4 still awaited").isEqualTo(2);
        cursor.expire(110_000, 60_000);
        assertThat(cursor.position()).isEqualTo(5);
    }

    @Test
    void aHugeJumpInIdsKeepsABoundedNumberOfHoles() {
        var cursor = new ChangeCursor(0);
        cursor.read(List.of(c(1), c(5_000_000)), 0);
        assertThat(cursor.readUpTo()).isEqualTo(5_000_000);
        assertThat(cursor.highestHole() - cursor.lowestHole() + 1).isEqualTo(ChangeCursor.MAX_HOLES);
        cursor.expire(60_000, 60_000);
        assertThat(cursor.position()).isEqualTo(5_000_000);
    }
}
