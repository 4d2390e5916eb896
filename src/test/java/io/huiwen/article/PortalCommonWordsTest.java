package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.TestDataDir;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.text.GenericWords;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Generic words by document frequency over the portal's own stored articles: a word most of them
 * share stops being a tag once the portal has enough articles to say so, and a young portal keeps
 * the shipped list alone.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.demo-content=false", "huiwen.collect.enabled=false"})
class PortalCommonWordsTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", () -> TestDataDir.create("portal-common-words").toString());
    }

    static final String[] PLACES = {"水库", "公路", "学校", "医院", "桥梁", "果园", "渔船", "图书馆", "博物馆", "菜市场", "火车站", "码头",
            "体育馆", "养老院", "幼儿园", "农贸市场", "污水厂", "变电站", "加油站", "停车场"};

    @Autowired ArticleStore store;
    @Autowired PortalCommonWords commonWords;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void forget() {
        GenericWords.useCorpus(java.util.Set.of());
    }

    static ExtractedArticle page(String title, String text) {
        return new ExtractedArticle(null, title, OffsetDateTime.now(), "山城日报", null, null, List.of(), text, "<p>" + text + "</p>",
                List.of(), "zh", List.of());
    }

    List<String> tags(long id) {
        return jdbc.sql("SELECT tag FROM article_tag WHERE article_id = ? ORDER BY position").param(id).query(String.class).list();
    }

    long storeTeaPicking(String county) {
        return store.store(page(county + "春茶开采 茶农忙着采摘茶叶", county + "的茶园进入春茶开采期，茶农天不亮就上山采摘茶叶。今年茶叶长势好，"
                + "收购价比去年高，茶叶加工厂也开足了马力。" + county + "茶农说，采摘茶叶要赶在清明前，明前茶叶最受欢迎。"), null,
                OffsetDateTime.now()).id();
    }

    @Test
    void aWordMostOfThePortalsArticlesShareIsNoLongerATag() {
        assertThat(commonWords.recount()).as("a young portal: the shipped list alone").isEmpty();
        long young = storeTeaPicking("云岭县");
        assertThat(tags(young)).as("on a young portal 茶叶 is this story's word").contains("茶叶");

        // a tea county's portal: most of its stories mention tea
        List<ExtractedArticle> corpus = new ArrayList<>();
        for (int i = 0; i < GenericWords.MIN_CORPUS + 10; i++) {
            String a = PLACES[i % PLACES.length], b = PLACES[(i / PLACES.length + i + 1) % PLACES.length];
            String tea = i % 10 < 7 ? "附近的茶叶合作社也派人参加。" : "";
            corpus.add(page("第" + (i + 1) + "期：" + a + "和" + b + "的新变化",
                    "本期走访" + a + "和" + b + "，第" + (i + 1) + "站的工作人员介绍了今年的改造情况。" + tea + "居民说变化看得见。"));
        }
        corpus.forEach(p -> store.store(p, null, OffsetDateTime.now()));

        assertThat(commonWords.recount()).as("in 7 of 10 articles").contains("茶叶").doesNotContain("茶农", "水库");
        long later = storeTeaPicking("雾溪县");
        assertThat(tags(later)).as("what every story here says tells this one apart from none").doesNotContain("茶叶").contains("茶农");
    }

    @Test
    void fewerArticlesThanTheMinimumSayNothingAboutWhatIsCommon() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < GenericWords.MIN_CORPUS - 1; i++) {
            texts.add("茶叶合作社第" + i + "次收购茶叶");
        }
        assertThat(GenericWords.frequentIn(texts)).isEmpty();
        texts.add("茶叶合作社又一次收购茶叶");
        assertThat(GenericWords.frequentIn(texts)).contains("茶叶");
    }
}
