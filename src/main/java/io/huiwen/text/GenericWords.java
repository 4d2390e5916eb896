package io.huiwen.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Words too general to tell one news story from another (业务, 服务, 平台, 处理): never tags. The
 * prior is a list of generic news words shipped with the portal, so a fresh install with few
 * articles already leaves them out.
 */
public final class GenericWords {

    private static final Set<String> PRIOR = load("/text/generic-news-words.txt");

    private GenericWords() {}

    public static boolean isGeneric(String word) {
        return PRIOR.contains(word);
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
