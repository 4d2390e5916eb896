package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huiwen.text.CategoryClassifier.Example;
import io.huiwen.text.CategoryClassifier.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CategoryClassifierTest {

    private static final List<Example> SPORTS_AND_MONEY = List.of(
            new Example("江城队主场二比零取胜", "职业足球联赛昨晚继续进行，江城队主场迎战云港队，前锋上半场头球破门，下半场点球再下一城，球队积分升至联赛第三。", "tiyu"),
            new Example("女排联赛揭幕 卫冕冠军开门红", "全国女子排球联赛揭幕，卫冕冠军三比零战胜对手，主攻手发球得分，球队教练赛后表示比赛节奏掌握得很好。", "tiyu"),
            new Example("游泳冠军赛小将打破全国纪录", "全国游泳冠军赛男子二百米蝶泳决赛，十七岁小将夺冠并打破全国纪录，教练说他的转身技术进步明显，将参加世界锦标赛。", "tiyu"),
            new Example("篮球季后赛 猛龙队险胜晋级", "职业篮球联赛季后赛首轮，猛龙队后卫终场前命中三分球，球队主场险胜对手，总比分晋级八强，下一轮迎战冠军球队。", "tiyu"),
            new Example("银行下调存款利率", "多家银行下调人民币存款挂牌利率，一年期定期存款利率降至百分之一点四五，银行净息差收窄，储户理财需求转向基金和国债。", "caijing"),
            new Example("上市公司三季报净利润增长三成", "装备制造上市公司发布三季度报告，营业收入同比增长，净利润增长三成，海外订单增加，公司股价高开，投资者关注现金流。", "caijing"),
            new Example("居民消费价格同比上涨", "统计部门公布居民消费价格指数同比上涨，猪肉价格由降转升，核心物价保持稳定，专家认为货币政策仍有宽松空间。", "caijing"),
            new Example("专项债完成发行 投向城市更新", "财政局发行地方政府专项债券一百亿元，平均发行利率较低，认购倍数较高，资金投向保障性住房和基础设施项目，防范债务风险。", "caijing"));

    private static final CategoryClassifier CLASSIFIER = CategoryClassifier.train(SPORTS_AND_MONEY);

    @Test
    void learnsObviousCategories() {
        Prediction sport = CLASSIFIER.predict("足球联赛 江城队客场逆转", "江城队前锋下半场连进两球，球队客场逆转取胜，联赛积分继续领先，主教练赛后称赞球员。");
        Prediction money = CLASSIFIER.predict("银行理财收益下降", "存款利率下调后，银行理财产品收益下降，投资者转向国债和货币基金，净利润承压的银行加快转型。");

        assertThat(sport.category()).isEqualTo("tiyu");
        assertThat(sport.isSure()).isTrue();
        assertThat(money.category()).isEqualTo("caijing");
        assertThat(money.isSure()).isTrue();
        assertThat(money.confidence()).isBetween(CLASSIFIER.threshold(), 1.0);
        assertThat(money.margin()).isPositive();
    }

    @Test
    void titleWordsWeighMoreThanBodyWords() {
        // one sports word against two money words: the money words win in the body, lose to a title word
        assertThat(CLASSIFIER.predict("", "联赛 银行 利率").category()).isEqualTo("caijing");
        assertThat(CLASSIFIER.predict("联赛", "银行 利率").category()).isEqualTo("tiyu");
        assertThat(CLASSIFIER.predict("银行", "联赛 球队").category()).isEqualTo("caijing");
    }

    @Test
    void isUnsureOfACategoryLearntFromTooFewExamples() {
        List<Example> few = new ArrayList<>(SPORTS_AND_MONEY);
        few.add(new Example("博物馆青铜器特展开幕", "博物馆推出青铜器特展，三百件文物首次集中展出，铭文记载西周册命仪式，观众需要提前预约参观展览。", "wenhua"));
        few.add(new Example("考古发现新石器时代遗址", "考古工作者发现新石器时代聚落遗址，出土陶器和玉器，专家认为遗址对研究早期文明具有重要价值，文物部门加强保护。", "wenhua"));
        CategoryClassifier classifier = CategoryClassifier.train(few);

        Prediction p = classifier.predict("博物馆考古特展 文物展出", "博物馆展出考古出土的陶器和玉器文物，青铜器铭文吸引观众参观。");

        assertThat(classifier.examplesPerCategory()).containsEntry("wenhua", 2);
        assertThat(p.category()).isEqualTo("wenhua");
        assertThat(p.isSure()).isFalse();
    }

    @Test
    void isUnsureWithASingleCategoryOrNone() {
        assertThat(CategoryClassifier.train(SPORTS_AND_MONEY.subList(0, 4)).predict("足球联赛", "江城队主场取胜").isSure()).isFalse();
        Prediction nothing = CategoryClassifier.train(List.of()).predict("足球联赛", "江城队主场取胜");
        assertThat(nothing.category()).isNull();
        assertThat(nothing.isSure()).isFalse();
    }

    @Test
    void isUnsureOfTextThatSharesNothingWithTheTrainingSet() {
        assertThat(CLASSIFIER.predict("红烧肉的家常做法", "五花肉切块焯水，锅中放冰糖炒出糖色，加入葱姜和料酒翻炒，小火炖煮一小时后大火收汁。").isSure()).isFalse();
        assertThat(CLASSIFIER.predict("Quarterly results", "The company reported higher revenue and a stronger order book.").isSure()).isFalse();
    }

    @Test
    void isUnsureOfTextAboutNoneOfItsSectionsEvenWhenAFewSharedWordsPointOneWay() {
        // 比赛 and 冠军 are sports words, but most of this text is words the corpus never saw
        Prediction p = CLASSIFIER.predict("天文爱好者观测比赛 冠军拍到彗星",
                "彗星将在本月下旬接近近日点，天文爱好者可在黎明前的东方低空寻找它的身影。观测者建议带上双筒望远镜，远离城市灯光，彗尾清晰可见。");
        assertThat(p.category()).isEqualTo("tiyu");
        assertThat(p.confidence()).isGreaterThan(CLASSIFIER.threshold());
        assertThat(p.coverage()).isLessThan(CategoryClassifier.MIN_COVERAGE);
        assertThat(p.isSure()).isFalse();
    }

    @Test
    void foldsTraditionalToSimplified() {
        Prediction p = CLASSIFIER.predict("銀行下調存款利率", "多家銀行下調存款利率，儲戶理財需求轉向基金和國債，銀行淨息差收窄。");
        assertThat(p.category()).isEqualTo("caijing");
        assertThat(p.isSure()).isTrue();
    }

    @Test
    void takesEmptyNullHugeAndForeignInputWithoutError() {
        assertThat(CLASSIFIER.predict(null, null).isSure()).isFalse();
        assertThat(CLASSIFIER.predict("", "").isSure()).isFalse();
        assertThat(CLASSIFIER.predict("   ", "\n\n").isSure()).isFalse();
        assertThat(CLASSIFIER.predict("🙂🙂", "12345 ％％ ——").isSure()).isFalse();
        String huge = "足球联赛江城队主场取胜，前锋头球破门。".repeat(20_000);
        assertThat(CLASSIFIER.predict("足球", huge).category()).isEqualTo("tiyu");
        assertThat(CategoryClassifier.train(List.of(new Example(null, null, "tiyu"), new Example("", "", "caijing")))
                .predict("足球", "比赛").isSure()).isFalse();
    }

    @Test
    void isDeterministic() {
        String title = "球队积分与银行利率";
        String body = "江城队主场取胜，银行下调存款利率，投资者关注基金和联赛积分。";
        Prediction first = CategoryClassifier.train(SPORTS_AND_MONEY).predict(title, body);
        List<Example> reversed = new ArrayList<>(SPORTS_AND_MONEY);
        java.util.Collections.reverse(reversed);
        Prediction second = CategoryClassifier.train(reversed).predict(title, body);
        assertThat(second).isEqualTo(first);
        assertThat(CLASSIFIER.predict(title, body)).isEqualTo(CLASSIFIER.predict(title, body));
    }

    @Test
    void predictsFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean sport = i % 2 == 0;
                answers.add(pool.submit(() -> sport
                        ? CLASSIFIER.predict("足球联赛", "江城队前锋破门，球队主场取胜。").category()
                        : CLASSIFIER.predict("银行利率", "银行下调存款利率，储户转向基金。").category()));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(i % 2 == 0 ? "tiyu" : "caijing");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> CategoryClassifier.train(SPORTS_AND_MONEY, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Example("标题", "正文", null)).isInstanceOf(NullPointerException.class);
    }
}
