package io.huiwen.cli;

import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractionException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code extract --timing FILE...}: how fast pages are extracted, for bench/extract-speed.sh.
 * Every file is read into memory first; the clock covers decoding, parsing and extraction only.
 * Three rates: the first pass over the pages, on a cold JVM (a command-line user's view); the
 * second pass, while the JIT is still compiling what the first pass made hot; and the warm rate a
 * long-running portal sees, timed over at least five seconds of passes after at least fifteen
 * untimed seconds of them (on two cores, C2 takes about that long to settle on this code). The warm
 * rate is also given per CPU second of the extracting thread, which other load on the machine
 * disturbs less than the rate per second of wall time.
 */
final class ExtractTiming {

    static final long WARM_UP_NANOS = 15_000_000_000L;
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
        long secondStart = System.nanoTime();
        pass(pages, names);
        double second = pages.size() / ((System.nanoTime() - secondStart) / 1e9);
        while (System.nanoTime() - secondStart < WARM_UP_NANOS) {
            pass(pages, names);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmStart = System.nanoTime();
        long warmCpuStart = threads.getCurrentThreadCpuTime();
        long extracted = 0;
        while (System.nanoTime() - warmStart < WARM_NANOS) {
            pass(pages, names);
            extracted += pages.size();
        }
        double warm = extracted / ((System.nanoTime() - warmStart) / 1e9);
        double warmCpu = extracted / ((threads.getCurrentThreadCpuTime() - warmCpuStart) / 1e9);
        out.printf("%d pages (%d without an article): first pass %.1f pages/s, second pass %.1f pages/s, warm %.1f pages/s"
                + " (%.1f pages per CPU second of the extracting thread)%n", pages.size(), failed, first, second, warm, warmCpu);
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
