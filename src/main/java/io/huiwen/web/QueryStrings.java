package io.huiwen.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a query string can be read as the portal reads it: percent escapes of UTF-8, not absurdly
 * long. Checked once at the door ({@link FrontDoor}) so that a bad one ({@code ?q=%FF%FE}) is a
 * plain 400 instead of a failure deep in whichever filter or controller first asks for a parameter.
 */
final class QueryStrings {

    /** Far above any address the portal links (a search of 200 characters is under 2 KB encoded). */
    static final int MAX_LENGTH = 4096;

    private QueryStrings() {}

    /** Why the query string cannot be read, or null when it can (or there is none). */
    static String problem(String query, int maxParameters) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        if (query.length() > MAX_LENGTH) {
            return "query string longer than " + MAX_LENGTH + " characters";
        }
        int parameters = 0;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++parameters > maxParameters && maxParameters >= 0) {
                return "more than " + maxParameters + " parameters";
            }
            if (!decodes(pair)) {
                return "bad percent-encoding or not UTF-8";
            }
        }
        return null;
    }

    private static boolean decodes(String s) {
        ByteBuffer bytes = ByteBuffer.allocate(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.put((byte) (Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16)));
                i += 2;
            } else if (c > 0x7f) {
                return false; // Tomcat refuses raw non-ASCII in the request line before we see it; never here
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
