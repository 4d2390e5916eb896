package io.huiwen.search;

import io.huiwen.text.Folding;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/** {@link Folding#fold} as a Lucene char filter, for the analyzers: it keeps every offset, so there is nothing to correct. */
final class FoldingFilter extends CharFilter {

    FoldingFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = input.read(cbuf, off, len);
        if (n > 0) {
            Folding.fold(cbuf, off, off + n);
        }
        return n;
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }
}
