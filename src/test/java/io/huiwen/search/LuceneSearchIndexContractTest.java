package io.huiwen.search;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract over the embedded index, one directory per test. */
class LuceneSearchIndexContractTest extends SearchIndexContract {

    @TempDir
    Path dir;

    @Override
    SearchIndex newIndex() {
        return new LuceneSearchIndex(dir);
    }

    @Override
    void dispose(SearchIndex index) throws Exception {
        ((LuceneSearchIndex) index).close();
    }
}
