package io.huiwen.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.coyote.Response;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Header lines already in bytes, added straight to Tomcat's response: a header Tomcat is given as a
 * string it encodes anew for every answer (a new encoder and two buffers per name and per value),
 * and the servlet API's {@code setHeader} searches the headers already set. Lines that are the same
 * on every answer — the security headers, a kept page's own — are encoded once here instead.
 * Each line is copied into the buffers Tomcat keeps with its pooled header fields, never handed over
 * by reference: Tomcat writes into those buffers later (the digits of a Content-Length), and a
 * shared array would take them.
 */
final class RawHeaders {

    private final String[] names;
    private final byte[][] nameBytes;
    private final byte[][] values;
    /** Lines from here on describe the body, and a 304 leaves them out. */
    private final int bodyFrom;

    private RawHeaders(List<Map.Entry<String, String>> lines, int bodyFrom) {
        this.names = new String[lines.size()];
        this.nameBytes = new byte[lines.size()][];
        this.values = new byte[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            names[i] = lines.get(i).getKey();
            nameBytes[i] = names[i].getBytes(StandardCharsets.ISO_8859_1);
            values[i] = lines.get(i).getValue().getBytes(StandardCharsets.ISO_8859_1);
        }
        this.bodyFrom = bodyFrom;
    }

    /** The given lines, all of them sent with a 304 too. */
    static RawHeaders of(List<Map.Entry<String, String>> lines) {
        return new RawHeaders(lines, lines.size());
    }

    /** The head's lines, then the lines of the body (Content-Type, …) that a 304 does not carry. */
    static RawHeaders of(List<Map.Entry<String, String>> head, List<Map.Entry<String, String>> body) {
        List<Map.Entry<String, String>> lines = new ArrayList<>(head);
        lines.addAll(body);
        return new RawHeaders(lines, head.size());
    }

    /** Adds every line, without looking for the names among the headers already there. */
    void addTo(Response response) {
        addTo(response.getMimeHeaders(), values.length);
    }

    /** Adds the lines a 304 carries. */
    void addHeadTo(Response response) {
        addTo(response.getMimeHeaders(), bodyFrom);
    }

    private void addTo(MimeHeaders headers, int count) {
        for (int i = 0; i < count; i++) {
            MessageBytes value = headers.addValue(names[i]);
            copy(nameBytes[i], headers.getName(headers.size() - 1));
            copy(values[i], value);
        }
    }

    private record Dated(String text, byte[] bytes) {}

    private static final byte[] DATE = "Date".getBytes(StandardCharsets.ISO_8859_1);
    private static volatile Dated date = new Dated("", new byte[0]);

    /** Adds the Date line Tomcat would add, encoded once a second rather than on every answer. */
    static void addDateTo(Response response) {
        String now = FastHttpDateFormat.getCurrentDate();
        Dated current = date;
        if (!current.text().equals(now)) {
            current = new Dated(now, now.getBytes(StandardCharsets.ISO_8859_1));
            date = current;
        }
        MimeHeaders headers = response.getMimeHeaders();
        MessageBytes value = headers.addValue("Date");
        copy(DATE, headers.getName(headers.size() - 1));
        copy(current.bytes(), value);
    }

    private static void copy(byte[] bytes, MessageBytes into) {
        ByteChunk chunk = into.getByteChunk();
        chunk.allocate(bytes.length, -1); // the field's own buffer, kept from earlier answers when it is large enough
        System.arraycopy(bytes, 0, chunk.getBuffer(), 0, bytes.length);
        into.setBytes(chunk.getBuffer(), 0, bytes.length);
    }
}
