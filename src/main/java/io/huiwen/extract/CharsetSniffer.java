package io.huiwen.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns page bytes into text. A byte-order mark wins; then strict UTF-8, because many Chinese pages
 * declare gb2312 but are stored as UTF-8; then the declared charset (HTTP header, then meta);
 * then GB18030 when it reads as Chinese, else windows-1252.
 */
final class CharsetSniffer {
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** How many well-formed multi-byte sequences a page needs per broken byte to still be read as UTF-8. */
    private static final int STRAY_BYTES_PER_SEQUENCE = 8;

    private CharsetSniffer() {}

    static String decode(byte[] bytes, String contentTypeHeader) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (isUtf8(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        Charset declared = declared(contentTypeHeader, bytes);
        if ((declared == null || declared.equals(StandardCharsets.UTF_8)) && mostlyUtf8(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8); // the few bad bytes become U+FFFD, the rest reads right
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            String text = strict(bytes, declared);
            if (text != null) {
                return text;
            }
        }
        String chinese = strict(bytes, GB18030);
        if (chinese != null && mostlyHan(chinese)) {
            return chinese;
        }
        return new String(bytes, declared == null || declared.equals(StandardCharsets.UTF_8) ? WINDOWS_1252 : declared);
    }

    /** The charset named by the Content-Type header, else by a meta tag in the first 16 KB. */
    static Charset declared(String contentTypeHeader, byte[] bytes) {
        if (contentTypeHeader != null) {
            Matcher m = HEADER_CHARSET.matcher(contentTypeHeader);
            if (m.find() && forName(m.group(1)) != null) {
                return forName(m.group(1));
            }
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 16384), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? forName(m.group(1)) : null;
    }

    /** Maps a declared name to the charset that really decodes such pages (gb2312 pages use GBK and beyond). */
    static Charset forName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk") || n.equals("gb_2312-80") || n.equals("cp936")) {
            return GB18030;
        }
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
            return WINDOWS_1252;
        }
        try {
            return Charset.forName(n);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * UTF-8 text with a few stray bytes (a Latin-1 "é" pasted into a template): well-formed multi-byte
     * sequences far outnumber the bytes that break. Latin-1 or GBK text almost never forms well-formed
     * UTF-8 sequences, so it fails this test and keeps its own charset.
     */
    static boolean mostlyUtf8(byte[] b) {
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < b.length) {
            int len = sequenceLength(b, i);
            if (len == 1 && b[i] < 0) {
                invalid++;
            } else if (len > 1) {
                valid++;
            }
            i += len;
        }
        return valid > 0 && valid >= invalid * STRAY_BYTES_PER_SEQUENCE;
    }

    /** Length of the well-formed UTF-8 sequence at {@code i}, or 1 for an ASCII byte or a byte that breaks. */
    private static int sequenceLength(byte[] b, int i) {
        int c = b[i] & 0xff;
        int len = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
        if (len == 0 || i + len >= b.length) {
            return 1;
        }
        int cp = c & (0x3F >> len);
        for (int k = 1; k <= len; k++) {
            int cc = b[i + k] & 0xff;
            if ((cc & 0xC0) != 0x80) {
                return 1;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        int min = len == 1 ? 0x80 : len == 2 ? 0x800 : 0x10000;
        return cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF ? 1 : len + 1;
    }

    /**
     * Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF). A plain loop
     * with an ASCII fast path, then the JDK's intrinsic String decoding, is several times faster
     * than a reporting CharsetDecoder on the mostly-ASCII bytes of web pages.
     */
    static boolean isUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xff;
            int len;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + len >= n) {
                return false;
            }
            int cp = c & (0x3F >> len);
            for (int k = 1; k <= len; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += len + 1;
        }
        return true;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Latin-1 bytes also decode as GB18030, but then give rare ideographs mixed with symbols, not common Han text. */
    private static boolean mostlyHan(String text) {
        int nonAscii = 0;
        int han = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                nonAscii++;
                if (c >= 0x4E00 && c <= 0x9FA5) {
                    han++;
                }
            }
        }
        return nonAscii > 0 && han >= nonAscii * 0.8;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
