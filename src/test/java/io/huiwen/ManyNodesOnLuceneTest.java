package io.huiwen;

import java.util.List;

/** {@link ManyNodes} with an embedded Lucene index on each node, kept in step from the change log. */
class ManyNodesOnLuceneTest extends ManyNodes {

    @Override
    List<String> searchSettings() {
        return List.of("--huiwen.search.backend=lucene");
    }

    @Override
    String readerPattern() {
        return "lucene@node-[ab]";
    }
}
