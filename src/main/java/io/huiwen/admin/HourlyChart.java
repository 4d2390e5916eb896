package io.huiwen.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Articles collected per hour as a bar chart drawn on the server (inline SVG, no script): one bar
 * per hour, oldest first, the newest hour last; day marks at midnight Beijing time. The same
 * figures go into a table for screen readers.
 */
public record HourlyChart(List<Bar> bars, long max, long total) {

    static final int BAR_WIDTH = 10;
    static final int HEIGHT = 120;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    /** One hour: where its bar is drawn, and its label. */
    public record Bar(int index, ZonedDateTime hour, long count, long max) {

        public int x() {
            return index * BAR_WIDTH;
        }

        public int height() {
            return max == 0 ? 0 : (int) Math.max(count > 0 ? 1 : 0, Math.round((double) count * HEIGHT / max));
        }

        public int y() {
            return HEIGHT - height();
        }

        public String label() {
            return HOUR.format(hour);
        }

        /** Midnight: a day mark goes here. */
        public boolean dayStarts() {
            return hour.getHour() == 0;
        }

        public String day() {
            return DAY.format(hour);
        }
    }

    /** The last {@code hours} hours up to and including the one {@code now} is in, in {@code zone}. */
    static HourlyChart of(Map<Instant, Long> counts, Instant now, int hours, ZoneId zone) {
        Instant last = now.truncatedTo(ChronoUnit.HOURS);
        long max = 0, total = 0;
        List<long[]> raw = new ArrayList<>();
        for (int i = hours - 1; i >= 0; i--) {
            Instant hour = last.minus(Duration.ofHours(i));
            long n = counts.getOrDefault(hour, 0L);
            raw.add(new long[] {hour.getEpochSecond(), n});
            max = Math.max(max, n);
            total += n;
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            bars.add(new Bar(i, Instant.ofEpochSecond(raw.get(i)[0]).atZone(zone), raw.get(i)[1], max));
        }
        return new HourlyChart(List.copyOf(bars), max, total);
    }

    public int width() {
        return bars.size() * BAR_WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public String description() {
        return "最近 " + bars.size() / 24 + " 天每小时采集的文章数：共 " + total + " 篇，最多的一小时 " + max + " 篇";
    }
}
