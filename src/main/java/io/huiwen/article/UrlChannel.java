package io.huiwen.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The channel a page's address names: Chinese portals file articles under channel subdomains
 * ({@code tech.}, {@code finance.}, {@code sports.}) and paths ({@code /world/}, {@code /tiyu/}).
 * The words are written for the project ({@value #RULES}); a category's own slug is one too, so a
 * category an admin adds (yule) is found under its pinyin. The most specific part wins: the
 * path's first channel word, else the host's.
 */
final class UrlChannel {

    static final String RULES = "/category/channels.txt";
    private static final List<String> NOT_CHANNELS = List.of("www", "m", "wap", "news", "3g", "cn", "com", "net", "org");

    private final Map<String, String> slugByWord;

    UrlChannel(Map<String, String> slugByWord) {
        this.slugByWord = Map.copyOf(slugByWord);
    }

    static UrlChannel shipped() {
        Map<String, String> words = new HashMap<>();
        try (InputStream in = UrlChannel.class.getResourceAsStream(RULES)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int colon = line.indexOf(':');
                if (line.startsWith("#") || colon < 0) {
                    continue;
                }
                String slug = line.substring(0, colon).strip();
                for (String w : line.substring(colon + 1).strip().split("\\s+")) {
                    words.putIfAbsent(w.toLowerCase(Locale.ROOT), slug);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UrlChannel(words);
    }

    /**
     * The slug of the channel the address names, among {@code slugs} (the categories the portal
     * has), or empty when it names none or is not a web address.
     */
    Optional<String> channel(String url, List<String> slugs) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri == null || uri.getHost() == null) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) { // the last segment is the article itself
            parts.add(segments[i]);
        }
        String[] labels = uri.getHost().toLowerCase(Locale.ROOT).split("\\.");
        for (int i = 0; i < labels.length - 2; i++) { // the last two are the site's own name
            parts.add(labels[i]);
        }
        for (String part : parts) {
            String word = part.toLowerCase(Locale.ROOT);
            if (word.isEmpty() || NOT_CHANNELS.contains(word)) {
                continue;
            }
            if (slugs.contains(word)) {
                return Optional.of(word);
            }
            String slug = slugByWord.get(word);
            if (slug != null && slugs.contains(slug)) {
                return Optional.of(slug);
            }
        }
        return Optional.empty();
    }
}
