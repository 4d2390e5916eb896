package io.huiwen.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The day's keyed hash tells every address apart, the same way all day, and differently the next day. */
class VisitorHashTest {

    final VisitorHash today = new VisitorHash(1, 0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L);
    final VisitorHash tomorrow = new VisitorHash(2, 0x7777_0000_1111_2222L, 0x3333_4444_5555_6666L);

    @Test
    void aQuarterMillionNeighbouringAddressesNeverCollide() {
        Set<Long> seen = new HashSet<>();
        for (int b = 0; b < 4; b++) {
            for (int c = 0; c < 256; c++) {
                for (int d = 0; d < 256; d++) {
                    assertThat(seen.add(today.of("10." + b + "." + c + "." + d))).as("10.%d.%d.%d", b, c, d).isTrue();
                }
            }
        }
        assertThat(seen.add(today.of("2001:0db8:0001:0002::/64"))).isTrue();
    }

    @Test
    void anAddressHashesAlikeAllDayAndOtherwiseTheNext() {
        assertThat(today.of("203.0.113.7")).isEqualTo(today.of("203.0.113.7"));
        assertThat(tomorrow.of("203.0.113.7")).isNotEqualTo(today.of("203.0.113.7"));
    }

    @Test
    void addressesThatDifferInOrderOrLengthDiffer() {
        assertThat(today.of("1.2.3.45")).isNotEqualTo(today.of("1.2.3.54"));
        assertThat(today.of("1.2.3.4")).isNotEqualTo(today.of("1.2.3.40"));
        assertThat(today.of("")).isNotEqualTo(today.of("0"));
    }
}
