package io.huiwen.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The image types the proxy passes on: raster formats only, since an SVG (or an HTML page
 * claiming to be an image) could carry script into our origin.
 */
final class RasterImage {

    static final List<String> TYPES = List.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/avif", "image/bmp");

    private RasterImage() {}

    /** The bare raster type of a Content-Type header ({@code image/png; x=y} → {@code image/png}), or null if it is not one. */
    static String ofHeader(String contentType) {
        if (contentType == null) {
            return null;
        }
        String bare = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return TYPES.contains(bare) ? bare : null;
    }

    /** The raster type the bytes start like, or null; for cached files whose sidecar was lost. */
    static String sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p') && b.length >= 12
                && Arrays.asList("avif", "avis").contains(new String(b, 8, 4, StandardCharsets.ISO_8859_1))) {
            return "image/avif";
        }
        if (startsWith(b, 0, 'B', 'M')) {
            return "image/bmp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
