package io.huiwen.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * The yardstick for bench/import.sh: jsoup parse-only of the same files, each read from disk,
 * decoded as UTF-8 and parsed with {@code Jsoup.parse}, timed over all files; once on one thread,
 * then on THREADS threads (files handed out in order). Each pass runs twice and the second is
 * reported, so the rate is of a warm JVM (the import is timed after its startup too).
 * Prints {@code PARSE threads=T pages=N seconds=S rate=R}.
 *   ParseOnly DIR THREADS
 */
public final class ParseOnly {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (int t : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
            run(files, t); // warm-up pass
            double seconds = run(files, t);
            System.out.printf("PARSE threads=%d pages=%d seconds=%.3f rate=%.1f%n", t, files.size(), seconds, files.size() / seconds);
        }
    }

    private static double run(List<Path> files, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long nodes[] = new long[threads];
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Future<?>[] done = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            int me = t;
            done[t] = pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                    String html = new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8);
                    nodes[me] += Jsoup.parse(html).getAllElements().size(); // keep the parse from being optimised away
                }
                return null;
            });
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return seconds;
    }
}
