package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.coyote.Response;
import org.apache.tomcat.util.http.MimeHeaders;
import org.junit.jupiter.api.Test;

class RawHeadersTest {

    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=60";

    static List<String> lines(Response response) {
        MimeHeaders headers = response.getMimeHeaders();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            lines.add(headers.getName(i) + ": " + headers.getValue(i));
        }
        return lines;
    }

    @Test
    void aTwoHundredCarriesEveryLineAndANotModifiedOnlyTheHead() {
        RawHeaders raw = RawHeaders.of(List.of(Map.entry("Cache-Control", CACHE_CONTROL), Map.entry("ETag", "\"abc-gz\"")),
                List.of(Map.entry("Content-Type", "text/html;charset=UTF-8"), Map.entry("Content-Encoding", "gzip")));
        Response ok = new Response();
        raw.addTo(ok);
        assertThat(lines(ok)).containsExactly("Cache-Control: " + CACHE_CONTROL, "ETag: \"abc-gz\"",
                "Content-Type: text/html;charset=UTF-8", "Content-Encoding: gzip");
        assertThat(ok.getMimeHeaders().getHeader("content-encoding")).isEqualTo("gzip");
        Response notModified = new Response();
        raw.addHeadTo(notModified);
        assertThat(lines(notModified)).containsExactly("Cache-Control: " + CACHE_CONTROL, "ETag: \"abc-gz\"");
    }

    /** Tomcat pools its header fields and writes a Content-Length's digits into the buffer a field already holds. */
    @Test
    void tomcatWritingIntoAPooledHeaderFieldLeavesTheLinesAsTheyWere() {
        RawHeaders raw = RawHeaders.of(List.of(Map.entry("Cache-Control", CACHE_CONTROL)));
        Response response = new Response();
        raw.addTo(response);
        response.recycle();
        response.getMimeHeaders().setValue("Content-Length").setLong(4036); // the same pooled field, as Tomcat sets it
        assertThat(lines(response)).containsExactly("Content-Length: 4036");
        response.recycle();
        raw.addTo(response);
        assertThat(lines(response)).containsExactly("Cache-Control: " + CACHE_CONTROL);
    }

    @Test
    void theDateIsTomcatsOwn() {
        Response response = new Response();
        RawHeaders.addDateTo(response);
        assertThat(response.getMimeHeaders().getHeader("Date"))
                .isEqualTo(org.apache.tomcat.util.http.FastHttpDateFormat.getCurrentDate())
                .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    }
}
