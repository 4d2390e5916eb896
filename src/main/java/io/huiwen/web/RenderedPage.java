package io.huiwen.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;

/**
 * A page as sent: its headers, its bytes plain and gzip-compressed (null when compressing gains
 * nothing), and an entity tag for each, so a cached page costs neither rendering nor compression.
 * The two encodings are different representations, so their strong tags differ.
 */
record RenderedPage(String contentType, List<Map.Entry<String, String>> headers, String cacheControl,
                    byte[] plain, byte[] gzip, String etag, String gzipEtag, RawHeaders plainHit, RawHeaders gzipHit) {

    /** Below this a page is sent as it is: gzip's header would eat what it saves. */
    static final int COMPRESS_FROM = 512;

    static RenderedPage of(String contentType, List<Map.Entry<String, String>> headers, String cacheControl, byte[] plain) {
        byte[] gzip = plain.length >= COMPRESS_FROM ? gzip(plain) : null;
        if (gzip != null && gzip.length >= plain.length) {
            gzip = null;
        }
        String tag = tag(plain);
        String etag = "\"" + tag + "\"";
        String gzipEtag = gzip == null ? null : "\"" + tag + "-gz\"";
        return new RenderedPage(contentType, List.copyOf(headers), cacheControl, plain, gzip, etag, gzipEtag,
                hit(headers, cacheControl, etag, contentType, false),
                gzip == null ? null : hit(headers, cacheControl, gzipEtag, contentType, true));
    }

    /**
     * The headers of a hit as {@link PageCacheValve} sends them, encoded once: the lines
     * {@link #headLines} gives, then those of the body.
     */
    private static RawHeaders hit(List<Map.Entry<String, String>> headers, String cacheControl, String etag,
            String contentType, boolean gzip) {
        List<Map.Entry<String, String>> body = new ArrayList<>();
        if (contentType != null) {
            body.add(Map.entry(HttpHeaders.CONTENT_TYPE, contentType));
        }
        if (gzip) {
            body.add(Map.entry(HttpHeaders.CONTENT_ENCODING, "gzip"));
        }
        return RawHeaders.of(headLines(headers, cacheControl, etag, "HIT"), body);
    }

    /** The header lines of this page as sent in the encoding chosen ({@code gzip}), in order, before the body's own. */
    List<Map.Entry<String, String>> headLines(boolean gzip, String cacheState) {
        return headLines(headers, cacheControl, gzip ? gzipEtag : etag, cacheState);
    }

    private static List<Map.Entry<String, String>> headLines(List<Map.Entry<String, String>> headers, String cacheControl,
            String etag, String cacheState) {
        List<Map.Entry<String, String>> lines = new ArrayList<>(headers);
        lines.add(Map.entry(HttpHeaders.CACHE_CONTROL, cacheControl));
        lines.add(Map.entry(HttpHeaders.VARY, CachePolicy.VARY));
        lines.add(Map.entry(HttpHeaders.ETAG, etag));
        lines.add(Map.entry(PageCacheHits.X_CACHE, cacheState));
        return lines;
    }

    /** Bytes held, for the cache's size bound. */
    int weight() {
        return plain.length + (gzip == null ? 0 : gzip.length) + 512;
    }

    /** Whether an {@code If-None-Match} names either representation (weak comparison, as RFC 9110 asks for it). */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.strip();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag) || t.equals(gzipEtag)) {
                return true;
            }
        }
        return false;
    }

    private static String tag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 15));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out) {
            { def.setLevel(Deflater.BEST_COMPRESSION); } // once per page per minute, so the smallest output is worth it
        }) {
            z.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
