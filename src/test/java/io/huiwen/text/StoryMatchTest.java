package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryMatchTest {

    static final String[] STORY = {
        "东江市海川物流华东智能分拣中心近日正式投入运营，数百台分拣机器人在钢平台上往来穿梭，将包裹准确投入对应格口。",
        "中心负责人介绍，新系统日处理包裹能力突破一百万件，分拣准确率保持在百分之九十九以上，人工成本下降三成。",
        "与传统交叉带分拣线相比，机器人分拣系统占地更少、部署更灵活，促销高峰期可以临时增加机器人数量。",
        "视觉算法让机器人看得准，每台机器人都装有摄像头和激光雷达，可以识别包裹条码并自动避障，夜间也能连续作业。",
        "业内人士认为，智能分拣正在从大型枢纽向区域中心延伸，将进一步提升快递时效，降低末端配送成本。"};
    static final String SAME_TOPIC = String.join("\n\n",
            "东江市今年新建三座智能仓库，引入堆垛机器人和自动导引车，仓储作业基本实现无人化，出入库效率提升一倍。",
            "仓库负责人说，机器人可以全天候工作，库存盘点从过去的三天缩短到两小时，差错率明显下降。",
            "专家表示，智能仓储投入较大，中小物流企业可以通过租赁共享仓库的方式分享技术红利。");

    static long hash(String text) {
        return SimHash.of(text);
    }

    @Test
    void aRepostWithoutItsLastParagraphIsTheSameStory() {
        String full = String.join("\n\n", STORY);
        String trimmed = String.join("\n\n", java.util.Arrays.copyOf(STORY, STORY.length - 1));
        assertThat(StoryMatch.sameStory(hash(full), hash(trimmed), () -> StoryMatch.words(full), () -> StoryMatch.words(trimmed))).isTrue();
    }

    @Test
    void aRepostInTraditionalCharactersIsTheSameStory() {
        String full = String.join("\n\n", STORY);
        String traditional = com.hankcs.hanlp.HanLP.convertToTraditionalChinese(full);
        assertThat(SimHash.distance(hash(full), hash(traditional))).isLessThanOrEqualTo(SimHash.SAME_STORY_DISTANCE);
    }

    @Test
    void anotherStoryOnTheSameTopicIsNot() {
        String full = String.join("\n\n", STORY);
        assertThat(StoryMatch.sameStory(hash(full), hash(SAME_TOPIC), () -> StoryMatch.words(full), () -> StoryMatch.words(SAME_TOPIC))).isFalse();
    }

    @Test
    void wordOverlapIsJaccard() {
        assertThat(StoryMatch.overlap(java.util.Set.of("机器人", "分拣"), java.util.Set.of("机器人", "仓库"))).isEqualTo(1 / 3.0);
        assertThat(StoryMatch.overlap(java.util.Set.of(), java.util.Set.of("机器人"))).isZero();
    }
}
