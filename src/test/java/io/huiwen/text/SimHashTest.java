package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final String STORY = """
            东江市海川物流华东智能分拣中心近日正式投入运营，数百台分拣机器人在钢平台上往来穿梭，将包裹准确投入对应格口。
            中心负责人介绍，新系统日处理包裹能力突破一百万件，分拣准确率保持在百分之九十九以上，人工成本下降三成。
            与传统交叉带分拣线相比，机器人分拣系统占地更少、部署更灵活，促销高峰期可以临时增加机器人数量。
            业内人士认为，智能分拣正在从大型枢纽向区域中心延伸，将进一步提升快递时效。""";

    @Test
    void aRepostWithOneChangedWordIsTheSameStory() {
        String repost = STORY.replace("往来穿梭", "来回穿梭");
        assertThat(SimHash.distance(SimHash.of(STORY), SimHash.of(repost))).isLessThanOrEqualTo(SimHash.SAME_STORY_DISTANCE);
    }

    @Test
    void anUnrelatedArticleIsFarAway() {
        String other = """
                第十届江城马拉松昨日鸣枪开跑，来自二十多个国家和地区的三万名跑者参赛。赛道沿江而设，途经多处历史街区。
                男子全程冠军成绩为两小时十一分，女子冠军打破赛会纪录。组委会在沿途设置了二十个补给站和医疗点。""";
        assertThat(SimHash.distance(SimHash.of(STORY), SimHash.of(other))).isGreaterThan(10);
    }

    @Test
    void bandsSplitTheFingerprintIntoFourSixteenBitParts() {
        long fp = 0x1234_5678_9abc_def0L;
        assertThat(SimHash.band(fp, 0)).isEqualTo(0xdef0);
        assertThat(SimHash.band(fp, 1)).isEqualTo(0x9abc);
        assertThat(SimHash.band(fp, 2)).isEqualTo(0x5678);
        assertThat(SimHash.band(fp, 3)).isEqualTo(0x1234);
    }
}
