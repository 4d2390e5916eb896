package io.huiwen.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * 64-bit SimHash over word shingles: near-identical texts get fingerprints a few bits apart.
 * Two bodies within {@link #SAME_STORY_DISTANCE} bits are the same story. The fingerprint is
 * split into four 16-bit bands; two fingerprints within 3 bits share at least one band
 * (pigeonhole), so candidates are found by indexed equality lookups.
 */
public final class SimHash {

    public static final int SAME_STORY_DISTANCE = 3;
    private static final int SHINGLE = 3;

    private SimHash() {}

    public static long of(String text) {
        List<String> words = new ArrayList<>();
        for (Segmenter.Word w : Segmenter.get().words(text == null ? "" : text)) {
            if (w.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(w.text());
            }
        }
        int[] weights = new int[64];
        int n = Math.max(1, words.size() - SHINGLE + 1);
        for (int i = 0; i < n; i++) {
            String shingle = String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE)));
            long h = hash(shingle);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Band {@code i} (0..3) of the fingerprint, as an unsigned 16-bit value. */
    public static int band(long fingerprint, int i) {
        return (int) ((fingerprint >>> (16 * i)) & 0xFFFF);
    }

    /** FNV-1a over UTF-8, finished with a 64-bit avalanche so every bit is used. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53a87cdL;
        h ^= h >>> 33;
        return h;
    }
}
