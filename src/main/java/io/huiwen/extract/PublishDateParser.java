package io.huiwen.extract;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.huiwen.extract.ExtractedArticle.TimePrecision;

/**
 * Finds the first publish date in a piece of text. Times without a zone are Beijing time
 * (Chinese pages never print one); relative forms (昨天 10:12, 3小时前) count from the fetch time.
 * No date gives null: the fetch time is never passed off as a publish time.
 */
final class PublishDateParser {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})(?!\\d)\\s*日?"
                    + "(?:\\s*T?\\s*(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})(?:\\s*[:：分]\\s*(\\d{1,2}))?)?");
    private static final Pattern DAY_WORD = Pattern.compile("(今天|昨天|前天)\\s*(\\d{1,2})[:：](\\d{2})");
    private static final Pattern AGO = Pattern.compile("(\\d{1,3})\\s*(秒|分钟|小时|天)前");

    /**
     * The Internet message format (RFC 5322, HTTP's and RSS's dates) that some pages put in their metadata:
     * "Wed, 04 May 2022 00:25:56 GMT", "Thu, 5 Mar 2026 17:54 +0100". Read whole, not as a day by its month's name.
     */
    private static final Pattern INTERNET_DATE = Pattern.compile(
            "\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\\s+(\\d{1,2})\\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s+((?:19|20)\\d{2})"
                    + "\\s+(\\d{2}):(\\d{2})(?::(\\d{2}))?\\s*(GMT|UTC|UT|Z|[+-]\\d{4})\\b");
    private static final List<String> MONTH_ABBREVIATIONS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    /** Epoch seconds or milliseconds, as scripts keep a publish time ("1581517074"). */
    private static final Pattern EPOCH = Pattern.compile("^\\d{10}(\\d{3})?$");

    private static final Instant FIRST_WEB_NEWS = Instant.parse("1995-01-01T00:00:00Z");

    /** A publish time with how much of it the text gave: a date alone is DAY, never a made-up midnight. */
    record Dated(OffsetDateTime time, TimePrecision precision) {}

    private PublishDateParser() {}

    static OffsetDateTime parse(String text, Instant fetchedAt) {
        Dated d = dated(text, fetchedAt);
        return d == null ? null : d.time();
    }

    static Dated dated(String text, Instant fetchedAt) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        Matcher m = ISO.matcher(s);
        if (m.find()) {
            OffsetDateTime t = iso(m.group(1) + "T" + m.group(2) + normalizeOffset(m.group(3)));
            if (t != null) {
                return new Dated(t, m.group(2).length() > 5 ? TimePrecision.SECOND : TimePrecision.MINUTE);
            }
        }
        m = DATE.matcher(s);
        while (m.find()) {
            OffsetDateTime t = local(m);
            if (t != null) {
                TimePrecision p = m.group(6) != null ? TimePrecision.SECOND
                        : m.group(4) != null ? TimePrecision.MINUTE : TimePrecision.DAY;
                return new Dated(t, p);
            }
        }
        m = INTERNET_DATE.matcher(s);
        if (m.find()) {
            Dated d = internetDate(m);
            if (d != null) {
                return d;
            }
        }
        java.time.LocalDate written = MonthNames.find(s);
        if (written != null) {
            return new Dated(beijing(written.atStartOfDay()), TimePrecision.DAY);
        }
        if (EPOCH.matcher(s).matches()) {
            long n = Long.parseLong(s);
            Instant at = s.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            if (at.isBefore(FIRST_WEB_NEWS)) {
                return null; // 0 or a counter, not a time: no news page dates itself before the web had news
            }
            return new Dated(at.atZone(BEIJING).toOffsetDateTime(), TimePrecision.SECOND);
        }
        OffsetDateTime t = fetchedAt == null ? null : relative(s, fetchedAt);
        return t == null ? null : new Dated(t, TimePrecision.MINUTE);
    }

    private static Dated internetDate(Matcher m) {
        try {
            String zone = m.group(7);
            ZoneOffset offset = zone.startsWith("+") || zone.startsWith("-")
                    ? ZoneOffset.ofHoursMinutes(Integer.parseInt(zone.substring(0, 3)), Integer.parseInt(zone.charAt(0) + zone.substring(3)))
                    : ZoneOffset.UTC;
            LocalDateTime time = LocalDateTime.of(Integer.parseInt(m.group(3)), MONTH_ABBREVIATIONS.indexOf(m.group(2)) + 1,
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return new Dated(time.atOffset(offset), m.group(6) == null ? TimePrecision.MINUTE : TimePrecision.SECOND);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static OffsetDateTime iso(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String normalizeOffset(String offset) {
        if (offset.equals("Z") || offset.contains(":")) {
            return offset;
        }
        return offset.substring(0, 3) + ":" + offset.substring(3);
    }

    private static OffsetDateTime local(Matcher m) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                int seconds = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
                time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), seconds);
            }
            return beijing(LocalDateTime.of(date, time));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static OffsetDateTime relative(String s, Instant fetchedAt) {
        LocalDate today = fetchedAt.atZone(BEIJING).toLocalDate();
        Matcher m = DAY_WORD.matcher(s);
        if (m.find()) {
            int daysBack = switch (m.group(1)) {
                case "昨天" -> 1;
                case "前天" -> 2;
                default -> 0;
            };
            try {
                LocalTime time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                return beijing(LocalDateTime.of(today.minusDays(daysBack), time));
            } catch (DateTimeException e) {
                return null;
            }
        }
        m = AGO.matcher(s);
        if (m.find()) {
            long n = Long.parseLong(m.group(1));
            Duration ago = switch (m.group(2)) {
                case "秒" -> Duration.ofSeconds(n);
                case "分钟" -> Duration.ofMinutes(n);
                case "小时" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return fetchedAt.minus(ago).atZone(BEIJING).toOffsetDateTime().withNano(0);
        }
        return null;
    }

    private static OffsetDateTime beijing(LocalDateTime time) {
        return time.atOffset(ZoneOffset.ofHours(8));
    }
}
