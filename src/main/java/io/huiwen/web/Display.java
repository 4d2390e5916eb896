package io.huiwen.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How dates and counts read on the portal: Beijing time, Chinese conventions. */
public final class Display {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private Display() {}

    /** The publish time to the minute, or 未知 when the page did not say: never the import time. */
    public static String dateTime(OffsetDateTime t) {
        return t == null ? "未知" : MINUTE.format(t.atZoneSameInstant(BEIJING));
    }

    /**
     * The date in every list (home, category, tag, search, admin): {@code 11-26} this year,
     * {@code 2019-09-26} another year, Beijing time; empty when unknown (never the import time).
     */
    public static String day(OffsetDateTime t) {
        return day(t, Clock.system(BEIJING));
    }

    /** {@link #day(OffsetDateTime)} as of the clock's today. */
    static String day(OffsetDateTime t, Clock clock) {
        if (t == null) {
            return "";
        }
        var local = t.atZoneSameInstant(BEIJING);
        return local.getYear() == LocalDate.now(clock.withZone(BEIJING)).getYear() ? DAY.format(local) : DATE.format(local);
    }

    /** The publish time as precisely as the page gave it: {@code 2019-06-15} for a date alone, never 00:00; else as {@link #dateTime(OffsetDateTime)}. */
    public static String dateTime(OffsetDateTime t, boolean dateOnly) {
        return t != null && dateOnly ? DATE.format(t.atZoneSameInstant(BEIJING)) : dateTime(t);
    }

    /** A value for a URL query parameter or path segment, percent-encoded as UTF-8. */
    public static String url(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A {@code <time datetime>} value: Beijing time to the second with its offset, as HTML allows (2026-11-21T18:15:14+08:00). */
    public static String iso(OffsetDateTime t) {
        return t == null ? "" : ISO_SECONDS.format(t.atZoneSameInstant(BEIJING));
    }

    /** {@link #iso(OffsetDateTime)}, or the Beijing date alone ({@code 2019-06-15}, as HTML, schema.org and sitemaps allow) for a date-only time. */
    public static String iso(OffsetDateTime t, boolean dateOnly) {
        return t != null && dateOnly ? DATE.format(t.atZoneSameInstant(BEIJING)) : iso(t);
    }
}
