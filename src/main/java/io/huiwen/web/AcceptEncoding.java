package io.huiwen.web;

import java.util.Locale;

/**
 * Reads an {@code Accept-Encoding} header: does the client take gzip? Read in place, without
 * splitting the header into strings: it is asked on every page sent from the cache.
 */
final class AcceptEncoding {

    private AcceptEncoding() {}

    /** True when gzip (or {@code *}) is listed without {@code q=0}. */
    static boolean gzip(String header) {
        if (header == null) {
            return false;
        }
        int from = 0;
        while (from <= header.length()) {
            int end = header.indexOf(',', from);
            if (end < 0) {
                end = header.length();
            }
            int semicolon = header.indexOf(';', from);
            int codingEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            if (gzipCoding(header, from, codingEnd) && !refused(header, codingEnd, end)) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    private static boolean gzipCoding(String header, int from, int to) {
        while (from < to && header.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && header.charAt(to - 1) <= ' ') {
            to--;
        }
        return is(header, from, to, "gzip") || is(header, from, to, "x-gzip") || is(header, from, to, "*");
    }

    private static boolean is(String header, int from, int to, String coding) {
        return to - from == coding.length() && header.regionMatches(true, from, coding, 0, coding.length());
    }

    /** Whether the parameters after the coding ({@code ;q=0}) refuse it. */
    private static boolean refused(String header, int from, int to) {
        if (from == to) {
            return false;
        }
        for (String parameter : header.substring(from + 1, to).toLowerCase(Locale.ROOT).split(";")) {
            String p = parameter.strip().replace(" ", "");
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
