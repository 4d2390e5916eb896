package io.huiwen.web;

/** What a client sent, made safe for one log line: no control characters, not too long. */
final class Printable {

    private Printable() {}

    static String of(String s) {
        if (s == null) {
            return "-";
        }
        String cut = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
