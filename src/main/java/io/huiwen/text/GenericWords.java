package io.huiwen.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Words too general to tell one news story from another (业务, 服务, 平台, 处理): never tags. The
 * prior is a list of generic news words shipped with the portal, so a fresh install with few
 * articles already leaves them out; then the portal's own corpus adds the words found in more
 * than {@value #MAX_SHARE} of its articles (比赛 on a sports portal, 武汉 on Wuhan's), counted by
 * the storage side ({@code article.PortalCommonWords}) over its newest articles once
 * {@value #MIN_CORPUS} are stored and handed here with {@link #useCorpus}.
 */
public final class GenericWords {

    /** A word in more than this share of the portal's articles tells none of them apart. */
    public static final double MAX_SHARE = 0.2;
    /** Fewer articles than this say too little about what is common: the prior alone decides. */
    public static final int MIN_CORPUS = 200;

    private static final Set<String> PRIOR = load("/text/generic-news-words.txt");
    private static volatile Set<String> corpus = Set.of();

    private GenericWords() {}

    public static boolean isGeneric(String word) {
        return PRIOR.contains(word) || corpus.contains(word);
    }

    /**
     * The content words (as {@link StoryMatch#words} reads them) found in more than
     * {@value #MAX_SHARE} of these articles' texts, each counted once per article; none when there
     * are fewer than {@value #MIN_CORPUS} articles.
     */
    public static Set<String> frequentIn(Collection<String> articles) {
        if (articles.size() < MIN_CORPUS) {
            return Set.of();
        }
        Map<String, Integer> documents = new HashMap<>();
        for (String text : articles) {
            StoryMatch.words(text == null ? "" : text).forEach(w -> documents.merge(w, 1, Integer::sum));
        }
        Set<String> out = new HashSet<>();
        documents.forEach((w, n) -> {
            if (n > MAX_SHARE * articles.size()) {
                out.add(w);
            }
        });
        return Set.copyOf(out);
    }

    /** From now on the portal's frequent words (from {@link #frequentIn}) are generic too; an empty set forgets them. */
    public static void useCorpus(Set<String> frequent) {
        corpus = Set.copyOf(frequent);
    }

    private static Set<String> load(String resource) {
        Set<String> out = new HashSet<>();
        var in = GenericWords.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the jar");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.startsWith("#")) {
                    for (String word : w.split("\\s+")) {
                        if (!word.isEmpty()) {
                            out.add(word);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
