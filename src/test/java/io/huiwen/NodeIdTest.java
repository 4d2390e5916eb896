package io.huiwen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NodeIdTest {

    @Test
    void anUnsetIdIsGeneratedOnceAndKeptInTheDataDirectory() throws Exception {
        Path dir = TestDataDir.create("node-id");
        String first = NodeId.resolve(null, dir);
        assertThat(Files.readString(dir.resolve("node-id")).strip()).isEqualTo(first);
        assertThat(NodeId.resolve("", dir)).as("the same node after a restart").isEqualTo(first);
    }

    @Test
    void twoNodesOnOneHostHaveTwoIds() {
        assertThat(NodeId.resolve(null, TestDataDir.create("node-a"))).isNotEqualTo(NodeId.resolve(null, TestDataDir.create("node-b")));
    }

    @Test
    void aConfiguredIdWinsAndMustFitTheLeaseColumn() {
        Path dir = TestDataDir.create("node-id-set");
        assertThat(NodeId.resolve(" collector-3 ", dir)).isEqualTo("collector-3");
        assertThat(dir.resolve("node-id")).doesNotExist();
        assertThatThrownBy(() -> NodeId.resolve("two words", dir)).hasMessageContaining("huiwen.node-id");
        assertThatThrownBy(() -> NodeId.resolve("x".repeat(101), dir)).hasMessageContaining("huiwen.node-id");
    }
}
