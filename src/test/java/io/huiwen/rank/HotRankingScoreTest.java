package io.huiwen.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HotRankingScoreTest {

    private final HotRanking ranking = new HotRanking(null, null, Clock.systemUTC(), 1.5, java.time.Duration.ofSeconds(30));

    @Test
    void aWeekOldStoryCannotOutrankTodaysBusyOne() {
        double weekOld = ranking.score(5_000, 1, Duration.ofDays(7));
        double today = ranking.score(300, 1, Duration.ofHours(3));
        assertThat(today).isGreaterThan(weekOld);
    }

    @Test
    void moreViewsRankHigherAtTheSameAge() {
        assertThat(ranking.score(100, 1, Duration.ofHours(5))).isGreaterThan(ranking.score(10, 1, Duration.ofHours(5)));
    }

    @Test
    void aStoryMoreOutletsCarryWeighsMore() {
        assertThat(ranking.score(50, 4, Duration.ofHours(5))).isEqualTo(3 * ranking.score(50, 1, Duration.ofHours(5)), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void newerRanksHigherAtTheSameViews() {
        assertThat(ranking.score(10, 1, Duration.ofHours(1))).isGreaterThan(ranking.score(10, 1, Duration.ofHours(20)));
    }

    @Test
    void beforeAnyViewThreeOutletsYesterdayOutweighOneAnHourAgo() {
        assertThat(ranking.reported(3, Duration.ofHours(24))).isGreaterThan(ranking.reported(1, Duration.ofHours(1)));
        assertThat(ranking.reported(2, Duration.ofHours(24))).isGreaterThan(ranking.reported(1, Duration.ofHours(1)));
    }

    @Test
    void aStoryWeeksOldIsWorthLessThanALoneArticleOfToday() {
        assertThat(ranking.reported(10, Duration.ofDays(14))).isLessThan(ranking.reported(1, Duration.ofHours(23)));
    }

    @Test
    void viewsTakeOverAsTheyAccumulate() {
        double busyLone = ranking.score(20, 1, Duration.ofHours(3)) + ranking.reported(1, Duration.ofHours(3));
        double unreadStory = ranking.reported(3, Duration.ofHours(3));
        assertThat(busyLone).isGreaterThan(unreadStory);
    }
}
