package io.huiwen.cli;

import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractionException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code extract --timing FILE...}: how fast pages are extracted, for bench/extract-speed.sh.
 * Every file is read into memory first; the clock covers decoding, parsing and extraction only.
 * The first pass over the pages runs on a cold JVM; further passes, for at least five seconds,
 * give the warm rate a long-running portal sees.
 */
final class ExtractTiming {

    static final long WARM_NANOS = 5_000_000_000L;

    private final ArticleExtractor extractor;
    private final PrintStream out;
    private final PrintStream err;

    ExtractTiming(ArticleExtractor extractor, PrintStream out, PrintStream err) {
        this.extractor = extractor;
        this.out = out;
        this.err = err;
    }

    int run(List<String> files) {
        List<byte[]> pages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String f : files) {
            try {
                pages.add(InputFile.read(Path.of(f)));
                names.add(f);
            } catch (InputFile.UnreadableException e) {
                err.println("huiwen extract: " + f + ": " + e.getMessage());
            }
        }
        if (pages.isEmpty()) {
            err.println("huiwen extract: no readable pages to time");
            return 2;
        }
        long start = System.nanoTime();
        int failed = pass(pages, names);
        double first = pages.size() / ((System.nanoTime() - start) / 1e9);
        long warmStart = System.nanoTime();
        long extracted = 0;
        while (System.nanoTime() - warmStart < WARM_NANOS) {
            pass(pages, names);
            extracted += pages.size();
        }
        double warm = extracted / ((System.nanoTime() - warmStart) / 1e9);
        out.printf("%d pages (%d without an article): first pass %.1f pages/s, warm %.1f pages/s%n", pages.size(), failed, first, warm);
        return 0;
    }

    private int pass(List<byte[]> pages, List<String> names) {
        int failed = 0;
        for (int i = 0; i < pages.size(); i++) {
            try {
                extractor.extract(pages.get(i), names.get(i), null, null, null);
            } catch (ExtractionException e) {
                failed++;
            }
        }
        return failed;
    }
}
