package io.huiwen.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes predictions for the shared evaluation pages ({@code ../shared/eval}) in the scorer's format.
 * Not a test: run {@code java -cp ... io.huiwen.extract.EvalRunner ../shared/eval /tmp/pred}, then
 * {@code python3 ../shared/eval/tools/score.py ../shared/eval /tmp/pred}.
 */
public final class EvalRunner {
    private EvalRunner() {}

    public static void main(String[] args) throws IOException {
        Path eval = Path.of(args.length > 0 ? args[0] : "../shared/eval");
        Path out = Path.of(args.length > 1 ? args[1] : "target/eval-predictions");
        ArticleExtractor extractor = new ArticleExtractor();
        long start = System.nanoTime();
        int pages = 0;
        for (String subset : new String[] {"scrapinghub", "zh"}) {
            Path dir = eval.resolve(subset).resolve("html");
            Files.createDirectories(out.resolve(subset));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    String id = file.getFileName().toString().replaceAll("\\.html(\\.gz)?$", "");
                    String json;
                    try {
                        ExtractedArticle a = extractor.extract(Files.readAllBytes(file), file.toString(), null, null, null);
                        json = "{\"title\":" + quote(a.title()) + ",\"publish_time\":"
                                + quote(a.publishTime() == null ? null : a.publishTime().toString())
                                + ",\"text\":" + quote(a.text()) + "}";
                    } catch (ExtractionException e) {
                        System.err.println(id + ": " + e.getMessage());
                        json = "{\"title\":null,\"publish_time\":null,\"text\":\"\"}";
                    }
                    Files.writeString(out.resolve(subset).resolve(id + ".json"), json, StandardCharsets.UTF_8);
                    pages++;
                }
            }
        }
        System.err.printf("%d pages in %d ms%n", pages, (System.nanoTime() - start) / 1_000_000);
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
