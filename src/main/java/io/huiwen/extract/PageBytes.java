package io.huiwen.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** The raw bytes of one input: size limits, gzip unwrapping, and the "is this text at all" check. */
final class PageBytes {
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private PageBytes() {}

    /** Returns the page's bytes, decompressed when gzip, or throws when they cannot be a page. */
    static byte[] unwrap(byte[] content, String name) throws ExtractionException {
        if (content == null || content.length == 0) {
            throw new NoArticleException(UnreadableInput.EMPTY, "empty file");
        }
        if (content.length > MAX_BYTES) {
            throw new ExtractionException(UnreadableInput.TOO_LARGE, "too large: more than 20 MB", null);
        }
        byte[] bytes = isGzip(content) ? gunzip(content, name) : content;
        if (isBlank(bytes)) {
            throw new NoArticleException(UnreadableInput.EMPTY, "empty file");
        }
        if (looksBinary(bytes)) {
            throw new NoArticleException(UnreadableInput.BINARY, "binary file, not a page");
        }
        return bytes;
    }

    private static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] content, String name) throws ExtractionException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(content))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_BYTES, content.length * 4));
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_BYTES) {
                    throw new ExtractionException(UnreadableInput.TOO_LARGE, "too large: more than 20 MB when decompressed", null);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ExtractionException(UnreadableInput.BROKEN_GZIP, "broken gzip file" + (name == null ? "" : ": " + name), e);
        }
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\n' && x != '\r' && x != '\t') {
                return false;
            }
        }
        return true;
    }

    /** NUL bytes or many control characters in the first 8 KB mean an image, PDF or archive. UTF-16 pages are rare enough to refuse. */
    private static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b)) {
                control++;
            }
        }
        return control > n / 20;
    }
}
