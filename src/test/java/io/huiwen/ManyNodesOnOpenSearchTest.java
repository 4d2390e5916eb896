package io.huiwen;

import io.huiwen.search.OpenSearchNodes;
import java.util.List;

/**
 * {@link ManyNodes} with both nodes (and the command) on one OpenSearch index, in a real node
 * started inside this test JVM: one node at a time applies the change log to it, under a lease
 * that passes to the other node when its holder is killed.
 */
class ManyNodesOnOpenSearchTest extends ManyNodes {

    static final String ALIAS = "huiwen-nodes-" + ProcessHandle.current().pid();

    @Override
    List<String> searchSettings() {
        return List.of("--huiwen.search.backend=opensearch", "--huiwen.search.opensearch.uris=" + OpenSearchNodes.shared().uri(1),
                "--huiwen.search.opensearch.index=" + ALIAS);
    }

    @Override
    String readerPattern() {
        return "opensearch:" + ALIAS;
    }
}
