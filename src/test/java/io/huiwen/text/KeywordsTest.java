package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void nounsThatRecurAndTitleWordsBecomeTags() {
        List<String> tags = Keywords.of("东江港集装箱吞吐量创新高",
                "东江港前十个月集装箱吞吐量达到一千二百万标箱，同比增长百分之九。港口新开通三条外贸航线，集装箱航线总数达到八十条。"
                        + "港口负责人说，外贸航线的增加带动了集装箱业务增长。东江港还在建设自动化码头。", 8);
        assertThat(tags).contains("集装箱", "东江港").hasSizeLessThanOrEqualTo(8);
        assertThat(tags).noneMatch(t -> t.length() < 2);
    }

    @Test
    void emptyTextHasNoTags() {
        assertThat(Keywords.of("", "", 8)).isEmpty();
    }
}
