package io.huiwen.extract;

import io.huiwen.extract.ExtractedArticle.TimePrecision;
import io.huiwen.extract.PublishDateParser.Dated;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a page's own address gives, the last resort when the page prints and declares no date. Sites
 * file articles under the day they ran, and the address keeps it when the template drops the date line:
 * {@code /2021/10/20/slug/} (blogs and WordPress), {@code /2024-01/15/c_123.htm}, {@code /2024/01-15/123.shtml} and
 * {@code /2024-01-15/doc-…} (Chinese portals), {@code /n1/2024/0115/c1001-….html},
 * {@code /t20240115_123.html} and {@code /20240115/…} (government and outlet CMSs). Only the path is read,
 * never the query (an archive's {@code ?date=} lists other pages), and only a whole day: a month alone
 * ({@code /2024/01/slug}) is a filing folder, not a publish date. A web archive's copy is read by the
 * address it archived, not by its capture time.
 */
final class UrlDate {
    /**
     * Year, month and day as path segments (/2021/10/20/), or with a hyphen (/2024-01-15, /2024-01/15/, /2024/01-15/);
     * a day after slashes only ends its segment (not "/2021/03/15-things-to-do").
     */
    private static final Pattern SEPARATED = Pattern.compile(
            "/((?:19|20)\\d{2})(?:/(\\d{1,2})/(\\d{1,2})(?=[/._]|$)|-(\\d{2})[-/](\\d{2})(?=[/._-]|$)|/(\\d{2})-(\\d{2})(?=[/._-]|$))");
    /** Year as a segment, month and day joined in the next: /2024/0115/. */
    private static final Pattern YEAR_THEN_MONTH_DAY = Pattern.compile("/((?:19|20)\\d{2})/(\\d{2})(\\d{2})(?=/)");
    /** Eight digits standing alone in the path: /20240115/, /t20240115_123.html; not part of a longer number. */
    private static final Pattern COMPACT = Pattern.compile("(?<=[/_t])((?:19|20)\\d{2})(\\d{2})(\\d{2})(?=[/_.]|$)");
    /** https://web.archive.org/web/20140226054445/http://… (the capture time, with an optional mode like "id_"). */
    private static final Pattern ARCHIVED = Pattern.compile("^https?://web\\.archive\\.org/web/\\d{1,14}[a-z_]*/(.+)$");
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);
    private static final LocalDate FIRST_WEB_NEWS = LocalDate.of(1995, 1, 1);
    /** A day a little after the fetch is a time-zone edge; further on it is not a day that has been. */
    private static final Duration FUTURE_SLACK = Duration.ofDays(1);

    private UrlDate() {}

    /** The day in {@code url}'s path, at DAY precision; null when there is none or it is not a real, past day. */
    static Dated of(String url, Instant fetchedAt) {
        if (url == null || url.isBlank()) {
            return null;
        }
        Matcher archived = ARCHIVED.matcher(url.strip());
        String address = archived.matches() ? archived.group(1) : url.strip();
        String path = WEB_ADDRESS.matcher(address).lookingAt() ? path(address) : null;
        if (path == null) { // a file's name on disk is where someone saved it, not where it ran
            return null;
        }
        Instant latest = (fetchedAt != null ? fetchedAt : Instant.now()).plus(FUTURE_SLACK);
        Matcher m = SEPARATED.matcher(path);
        while (m.find()) {
            Dated d = m.group(2) != null ? day(m.group(1), m.group(2), m.group(3), latest)
                    : m.group(4) != null ? day(m.group(1), m.group(4), m.group(5), latest) : day(m.group(1), m.group(6), m.group(7), latest);
            if (d != null) {
                return d;
            }
        }
        for (Pattern p : List.of(YEAR_THEN_MONTH_DAY, COMPACT)) {
            m = p.matcher(path);
            while (m.find()) {
                Dated d = day(m.group(1), m.group(2), m.group(3), latest);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static String path(String address) {
        try {
            URI uri = new URI(address);
            return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? null : uri.getRawPath();
        } catch (URISyntaxException e) {
            int start = address.indexOf("://");
            int slash = address.indexOf('/', start < 0 ? 0 : start + 3);
            if (slash < 0) {
                return null;
            }
            String rest = address.substring(slash);
            int end = indexOfAny(rest, '?', '#');
            return end < 0 ? rest : rest.substring(0, end);
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static Dated day(String year, String month, String day, Instant latest) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            // the same midnight as a date printed without its time (PublishDateParser): Beijing time
            OffsetDateTime time = date.atStartOfDay().atOffset(ZoneOffset.ofHours(8));
            if (date.isBefore(FIRST_WEB_NEWS) || time.toInstant().isAfter(latest)) {
                return null;
            }
            return new Dated(time, TimePrecision.DAY);
        } catch (DateTimeException | NumberFormatException e) {
            return null; // 2024/13/45: a number, not a day
        }
    }
}
