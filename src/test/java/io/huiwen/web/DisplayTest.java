package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Issue #15: a list date shows its year when it is not this year, in Beijing time. */
class DisplayTest {

    static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-29T06:00:00Z"), ZoneOffset.UTC);

    @Test
    void thisYearsDatesGiveMonthAndDayOthersTheYearToo() {
        assertThat(Display.day(OffsetDateTime.parse("2026-11-26T09:30:00+08:00"), NOV_2026)).isEqualTo("11-26");
        assertThat(Display.day(OffsetDateTime.parse("2019-09-26T09:30:00+08:00"), NOV_2026)).isEqualTo("2019-09-26");
        assertThat(Display.day(null, NOV_2026)).isEmpty();
    }

    @Test
    void theYearIsBeijingsYear() {
        // 2025-12-31 17:00 UTC is already 2026-01-01 in Beijing
        assertThat(Display.day(OffsetDateTime.parse("2025-12-31T17:00:00Z"), NOV_2026)).isEqualTo("01-01");
        Clock newYearsEveInBeijing = Clock.fixed(Instant.parse("2026-12-31T17:00:00Z"), ZoneOffset.UTC); // 2027-01-01 01:00 in Beijing
        assertThat(Display.day(OffsetDateTime.parse("2026-12-30T12:00:00+08:00"), newYearsEveInBeijing)).isEqualTo("2026-12-30");
    }
}
