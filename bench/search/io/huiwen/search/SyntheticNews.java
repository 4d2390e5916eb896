package io.huiwen.search;

import io.huiwen.text.Segmenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic Chinese news (bench only): text from a bigram model over the demo articles' words, with
 * an occasional jump to a random corpus word so that sentences are new. Article {@code i} depends only
 * on the seed and {@code i}, so a million of them can be generated lazily, batch by batch, in any run.
 */
final class SyntheticNews {

    static final String[] CATEGORIES = {"caijing", "keji", "shehui", "guoji", "tiyu", "wenhua"};
    private static final double JUMP = 0.15;
    private static final OffsetDateTime START = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final long TWO_YEARS_S = 2L * 365 * 86_400;

    private final long seed;
    private final String[] words;          // vocabulary, by id
    private final int[] corpus;            // the demo text as word ids, in order
    private final int[][] next;            // word id -> the ids that followed it in the demo text
    private final int[] starts;            // word ids that start a sentence
    private final boolean[] sentenceEnd;   // 。！？
    private final boolean[] han;           // a word of two or more Han characters: a tag or query candidate
    private final int[] counts;
    private final String[] sources;

    SyntheticNews(Path demoDir, long seed) throws IOException {
        this.seed = seed;
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocab = new ArrayList<>();
        List<Integer> text = new ArrayList<>();
        List<Integer> sentenceStarts = new ArrayList<>();
        try (var files = Files.list(demoDir)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.contains("。")) {
                        continue; // page furniture: site name, breadcrumbs, dateline, captions
                    }
                    boolean atStart = true;
                    for (Segmenter.Word w : Segmenter.get().words(line.strip())) {
                        if (w.text().isBlank()) {
                            continue;
                        }
                        int id = ids.computeIfAbsent(w.text(), k -> { vocab.add(k); return vocab.size() - 1; });
                        if (atStart) {
                            sentenceStarts.add(id);
                        }
                        text.add(id);
                        atStart = isSentenceEnd(w.text());
                    }
                }
            }
        }
        words = vocab.toArray(String[]::new);
        corpus = text.stream().mapToInt(Integer::intValue).toArray();
        starts = sentenceStarts.stream().mapToInt(Integer::intValue).toArray();
        counts = new int[words.length];
        sentenceEnd = new boolean[words.length];
        han = new boolean[words.length];
        List<List<Integer>> follow = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            follow.add(new ArrayList<>());
            sentenceEnd[i] = isSentenceEnd(words[i]);
            han[i] = words[i].length() >= 2 && words[i].codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        }
        for (int i = 0; i < corpus.length; i++) {
            counts[corpus[i]]++;
            if (i + 1 < corpus.length && !sentenceEnd[corpus[i]]) {
                follow.get(corpus[i]).add(corpus[i + 1]);
            }
        }
        next = follow.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        sources = sourceNames();
    }

    private static boolean isSentenceEnd(String w) {
        return w.equals("。") || w.equals("！") || w.equals("？");
    }

    private static String[] sourceNames() {
        String[] places = {"东江", "南湖", "北辰", "西岭", "滨海", "云山"};
        String[] kinds = {"日报", "晚报", "新闻网", "财经", "时讯"};
        String[] out = new String[places.length * kinds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = places[i / kinds.length] + kinds[i % kinds.length];
        }
        return out;
    }

    int vocabularySize() {
        return words.length;
    }

    int corpusWords() {
        return corpus.length;
    }

    /** Han words of two or more characters, most frequent first, with their demo counts. */
    List<Map.Entry<String, Integer>> hanWordsByFrequency() {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (han[i]) {
                out.add(Map.entry(words[i], counts[i]));
            }
        }
        out.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    /** Two Han words that stand next to each other in the demo text, for phrase queries. */
    String[] adjacentPair(Random random) {
        while (true) {
            int i = random.nextInt(corpus.length - 1);
            if (han[corpus[i]] && han[corpus[i + 1]]) {
                return new String[] {words[corpus[i]], words[corpus[i + 1]]};
            }
        }
    }

    IndexedArticle article(long id) {
        Random r = new Random(seed * 1_000_003L + id);
        // about a third of the articles repost a recent story: same headline as its first article
        long story = r.nextInt(3) == 0 ? Math.max(1, id - 1 - r.nextInt(20)) : id;
        String title = title(new Random(seed * 7_919L + story));
        StringBuilder body = new StringBuilder();
        int goal = 300 + r.nextInt(301);
        for (int sentences = 0; body.length() < goal; sentences++) {
            if (sentences > 0 && r.nextInt(3) == 0) {
                body.append("\n\n");
            }
            sentence(r, body, goal + 40);
        }
        List<String> tags = new ArrayList<>();
        for (int tries = 0; tags.size() < 3 + r.nextInt(3) && tries < 50; tries++) {
            int w = corpus[r.nextInt(corpus.length)];
            if (han[w] && !tags.contains(words[w])) {
                tags.add(words[w]);
            }
        }
        return new IndexedArticle(id, title, body.toString(), tags, sources[r.nextInt(sources.length)],
                CATEGORIES[r.nextInt(CATEGORIES.length)], START.plusSeconds((long) (r.nextDouble() * TWO_YEARS_S)), story);
    }

    private String title(Random r) {
        int goal = 15 + r.nextInt(11);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < goal) {
            StringBuilder s = new StringBuilder();
            sentence(r, s, goal - sb.length() + 8);
            String plain = s.toString().replaceAll("[。！？，、；：“”（）]", " ").replaceAll(" +", " ").strip();
            sb.append(sb.length() > 0 ? " " : "").append(plain);
        }
        return sb.length() > 25 ? sb.substring(0, 25).strip() : sb.toString();
    }

    /** One sentence (or its first {@code max} characters, closed with 。) appended to {@code out}. */
    private void sentence(Random r, StringBuilder out, int max) {
        int w = starts[r.nextInt(starts.length)];
        int begin = out.length();
        while (true) {
            out.append(words[w]);
            if (sentenceEnd[w]) {
                return;
            }
            if (out.length() - begin >= max) {
                out.append('。');
                return;
            }
            w = next[w].length == 0 || r.nextDouble() < JUMP ? corpus[r.nextInt(corpus.length)] : next[w][r.nextInt(next[w].length)];
        }
    }

    /**
     * Articles 1..n in batches, generated as they are read. The time spent generating is added to
     * {@code generationNanos[0]} so that the caller can leave it out of the build rate.
     */
    Iterable<List<IndexedArticle>> batches(long n, int batchSize, long[] generationNanos) {
        return () -> new Iterator<>() {
            long nextId = 1;

            @Override
            public boolean hasNext() {
                return nextId <= n;
            }

            @Override
            public List<IndexedArticle> next() {
                long t = System.nanoTime();
                List<IndexedArticle> batch = new ArrayList<>(batchSize);
                for (; batch.size() < batchSize && nextId <= n; nextId++) {
                    batch.add(article(nextId));
                }
                generationNanos[0] += System.nanoTime() - t;
                return batch;
            }
        };
    }
}
