package io.huiwen.web;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} header: does the client take gzip? */
final class AcceptEncoding {

    private AcceptEncoding() {}

    /** True when gzip (or {@code *}) is listed without {@code q=0}. */
    static boolean gzip(String header) {
        if (header == null) {
            return false;
        }
        for (String part : header.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip();
            if ((coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) && !refused(pieces)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].strip().replace(" ", "");
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
