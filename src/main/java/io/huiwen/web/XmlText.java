package io.huiwen.web;

/** Text safe to put in XML 1.0: characters XML cannot carry (most control characters) are dropped. */
final class XmlText {

    private XmlText() {}

    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(XmlText::allowed).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }
}
