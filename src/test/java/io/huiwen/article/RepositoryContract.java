package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.huiwen.extract.ExtractedArticle;
import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the portal, the collectors and the editors rely on from storage, run against each database
 * Huiwen supports (H2 embedded, PostgreSQL at scale) through the same SQL: the subclasses only say
 * where the database is. The context holds the real repositories and the Flyway migrations, no web
 * layer, no search index; every test starts from the migrated, empty tables.
 */
@SpringBootTest(classes = RepositoryContract.Storage.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "huiwen.demo-content=false")
abstract class RepositoryContract {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    @Import({ArticleRepository.class, ArticleStore.class, CategoryRepository.class, CategoryEvidence.class, CategoryGuesser.class,
            StoryClusters.class, IndexOutbox.class, EditorialDesk.class, RawPages.class, SourceRepository.class, SourceCatalog.class,
            AuditLog.class, ArticleCorrections.class, ArticleDeletion.class})
    static class Storage {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }

    static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.ofHours(8));

    @Autowired ArticleRepository articles;
    @Autowired ArticleStore store;
    @Autowired CategoryRepository categories;
    @Autowired EditorialDesk desk;
    @Autowired ArticleCorrections corrections;
    @Autowired ArticleDeletion deletion;
    @Autowired AuditLog audit;
    @Autowired RawPages rawPages;
    @Autowired SourceRepository sources;
    @Autowired SourceCatalog catalog;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void emptyTables() {
        // tags, views and raw pages go with their article (ON DELETE CASCADE)
        jdbc.sql("DELETE FROM article").update();
        jdbc.sql("DELETE FROM source").update();
        jdbc.sql("DELETE FROM article_tombstone").update();
        jdbc.sql("DELETE FROM audit_log").update();
    }

    @Test
    void anArticleIsReadBackAsItWasStoredWithItsTags() {
        var page = new ExtractedArticle("https://example.cn/keji/robot.html", "巡检机器人进隧道", NOON, "东海日报", "王小明", "李编辑",
                List.of("首页", "科技频道"), Reports.ROBOT, "<p>" + Reports.ROBOT + "</p>",
                List.of(new ExtractedArticle.Image("https://example.cn/robot.jpg", "巡检机器人在隧道中")), "zh", List.of());
        long id = store.store(page, null, NOON.plusHours(1)).id();

        Article a = articles.findById(id).orElseThrow();
        assertThat(a.sourceUrl()).isEqualTo(page.url());
        assertThat(a.title()).isEqualTo("巡检机器人进隧道");
        assertThat(a.publishTime()).isAtSameInstantAs(NOON);
        assertThat(a.collectedAt()).isAtSameInstantAs(NOON.plusHours(1));
        assertThat(List.of(a.source(), a.author(), a.editor())).containsExactly("东海日报", "王小明", "李编辑");
        assertThat(a.category().slug()).as("from the breadcrumb").isEqualTo("keji");
        assertThat(a.breadcrumb()).containsExactly("首页", "科技频道");
        assertThat(a.text()).isEqualTo(Reports.ROBOT);
        assertThat(a.images()).extracting(ExtractedArticle.Image::caption).containsExactly("巡检机器人在隧道中");
        assertThat(a.status()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(a.storyId()).as("a story of its own").isEqualTo(id);
        assertThat(a.tags()).isNotEmpty().doesNotHaveDuplicates().containsExactlyElementsOf(articles.tags(id));
        assertThat(articles.findById(id + 1000)).isEmpty();
    }

    @Test
    void aPageStoredTwiceIsADuplicateAndTheDatabaseRefusesASecondRowForAUrl() {
        long id = store.store(report("https://example.cn/a.html", "望海港外贸增长", NOON, Reports.PORT), "caijing", NOON).id();

        var sameUrl = store.store(report("https://example.cn/a.html", "改过的标题", NOON, Reports.BANK), "caijing", NOON);
        var sameText = store.store(report("https://example.cn/other.html", "望海港外贸增长", NOON, Reports.PORT), "caijing", NOON);
        assertThat(List.of(sameUrl, sameText)).allSatisfy(s -> {
            assertThat(s.duplicate()).isTrue();
            assertThat(s.id()).isEqualTo(id);
        });
        assertThat(articles.count()).isEqualTo(1);
        assertThat(articles.existsWithUrl("https://example.cn/a.html")).isTrue();
        assertThat(articles.existsWithUrl("https://example.cn/b.html")).isFalse();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO article (source_url, content_key, title, collected_at, body_text, body_html, simhash, band0, band1, band2, band3, sort_time)
                VALUES ('https://example.cn/a.html', 'another-key', 't', ?, 'x', 'x', 0, 0, 0, 0, 0, ?)
                """).params(NOON, NOON).update()).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void listsShowTheNewestStoriesFirstAPageAtATimeWithTheirTotal() {
        List<Long> caijing = new ArrayList<>();
        String[] texts = {Reports.PORT, Reports.BANK, Reports.MARKET, Reports.LIBRARY, Reports.MARATHON};
        for (int i = 0; i < texts.length; i++) {
            caijing.add(store.store(report("https://example.cn/c" + i, "财经" + i, NOON.plusHours(i), texts[i]), "caijing", NOON).id());
        }
        long keji = store.store(report("https://example.cn/k0", "科技0", NOON.plusHours(10), Reports.ROBOT), "keji", NOON).id();
        // no publish date, imported (issue #15): behind every dated article, however late it came in
        long undated = store.store(report("https://example.cn/k1", "科技1", null, Reports.BATTERY), "keji", NOON.plusHours(20)).id();
        // no publish date, found by a source's poll: listed by when it was first seen
        long source = jdbc.sql("INSERT INTO source (name, url, type, enabled) VALUES ('潮声日报', 'https://chaosheng.example.cn/feed.xml', 'feed', FALSE)")
                .update() > 0 ? jdbc.sql("SELECT id FROM source WHERE name = '潮声日报'").query(Long.class).single() : 0;
        long polled = store.store(report("https://example.cn/k2", "科技2", null, Reports.OCEAN), "keji", NOON.plusHours(15),
                new ArticleStore.Provenance(source, false, null)).id();

        var first = articles.latest(1, 3);
        assertThat(first.total()).isEqualTo(8);
        assertThat(first.items()).extracting(ArticleSummary::id).containsExactly(polled, keji, caijing.get(4));
        assertThat(articles.latest(3, 3).items()).extracting(ArticleSummary::id).containsExactly(caijing.get(0), undated);
        assertThat(articles.latest(4, 3).items()).isEmpty();
        assertThat(articles.findById(undated).orElseThrow().publishTime()).as("no invented date").isNull();

        long caijingId = categories.findBySlug("caijing").orElseThrow().id();
        var second = articles.inCategory(caijingId, 2, 2);
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.items()).extracting(ArticleSummary::id).containsExactly(caijing.get(2), caijing.get(1));
        assertThat(articles.newest(2)).extracting(ArticleSummary::id).containsExactly(polled, keji);
        assertThat(articles.newestIn(categories.findBySlug("keji").orElseThrow().id(), 5)).extracting(ArticleSummary::id)
                .containsExactly(polled, keji, undated);

        String tag = articles.tags(caijing.get(0)).get(0);
        var tagged = articles.withTag(tag, 1, 20);
        List<Long> carrying = new ArrayList<>(caijing);
        carrying.addAll(List.of(keji, undated, polled));
        carrying.removeIf(id -> !articles.tags(id).contains(tag));
        assertThat(tagged.total()).isEqualTo(carrying.size());
        assertThat(tagged.items()).extracting(ArticleSummary::id).containsExactlyInAnyOrderElementsOf(carrying);
        assertThat(articles.withTag("没有这个标签", 1, 20).total()).isZero();
    }

    @Test
    void repostsFormOneStoryListedOnceWithItsSize() {
        long first = store.store(report("https://a.example.cn/1", "望海港外贸增长", NOON, Reports.PORT), "caijing", NOON).id();
        long second = store.store(report("https://b.example.cn/2", "望海港前十月外贸进出口增长", NOON.plusHours(1), Reports.PORT + "（东海日报）"),
                "caijing", NOON).id();
        long third = store.store(report("https://c.example.cn/3", "外贸进出口总值同比增长", NOON.plusHours(2), "据报道，" + Reports.PORT),
                "caijing", NOON).id();
        long other = store.store(report("https://d.example.cn/4", "马拉松开跑", NOON.plusHours(3), Reports.MARATHON), "tiyu", NOON).id();

        long story = articles.findById(first).orElseThrow().storyId();
        assertThat(List.of(second, third)).allSatisfy(id -> assertThat(articles.findById(id).orElseThrow().storyId()).isEqualTo(story));
        assertThat(articles.findById(other).orElseThrow().storyId()).isNotEqualTo(story);
        var latest = articles.latest(1, 10);
        assertThat(latest.total()).isEqualTo(2);
        assertThat(latest.items()).extracting(ArticleSummary::id, ArticleSummary::storySize)
                .containsExactly(tuple(other, 1), tuple(first, 3));
        assertThat(articles.storyMembers(story, first)).extracting(ArticleSummary::id).containsExactly(second, third);
        assertThat(articles.otherReports(story, second)).extracting(ArticleRepository.OtherReport::id).containsExactly(first, third);
        assertThat(articles.summaries(List.of(third, other))).extracting(ArticleSummary::storySize).containsExactly(3, 1);

        assertThat(desk.splitFromStory(first)).isTrue();
        assertThat(articles.summaries(List.of(first, second))).extracting(ArticleSummary::storySize).containsExactly(1, 2);
        long rest = articles.findById(second).orElseThrow().storyId();
        assertThat(desk.mergeStories(rest, first)).isEqualTo(1);
        assertThat(articles.summaries(List.of(first))).extracting(ArticleSummary::storySize).containsExactly(3);
    }

    @Test
    void anArticleWaitingForReviewIsListedNowhereUntilAnEditorPublishesIt() {
        long lead = store.store(report("https://a.example.cn/1", "望海港外贸增长", NOON, Reports.PORT), "caijing", NOON).id();
        var waiting = store.store(report("https://b.example.cn/2", "外贸进出口增长", NOON.plusHours(1), Reports.PORT + "（东海日报）"),
                "caijing", NOON, new ArticleStore.Provenance(null, true, null));
        long id = waiting.id();
        assertThat(waiting.awaitingReview()).isTrue();
        assertThat(articles.findById(id).orElseThrow().status()).isEqualTo(ArticleState.REVIEW);
        assertThat(articles.awaitingReview(10)).extracting(ArticleSummary::id).containsExactly(id);
        assertThat(articles.reviewReasons(List.of(id))).containsEntry(id, ArticleStore.REVIEW_SOURCE);
        assertListed(lead, 1);

        assertThat(desk.publish(id, "keji")).isTrue();
        assertThat(desk.publish(id, "keji")).as("published already").isFalse();
        Article published = articles.findById(id).orElseThrow();
        assertThat(published.status()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(published.category().slug()).isEqualTo("keji");
        assertThat(articles.awaitingReview(10)).isEmpty();
        assertListed(lead, 2);
        assertThat(articles.inCategory(published.category().id(), 1, 10).items()).extracting(ArticleSummary::id).containsExactly(id);
    }

    @Test
    void anUnpublishedArticleLeavesEveryListItsStoryKeepsAnotherLeadAndPublishingBringsItBack() {
        long lead = store.store(report("https://a.example.cn/1", "望海港外贸增长", NOON, Reports.PORT), "caijing", NOON).id();
        long repost = store.store(report("https://b.example.cn/2", "外贸进出口增长", NOON.plusHours(1), Reports.PORT + "（东海日报）"),
                "caijing", NOON).id();
        assertListed(lead, 2);
        long caijing = categories.findBySlug("caijing").orElseThrow().id();

        assertThat(desk.unpublish(lead, "editor")).isTrue();
        assertThat(desk.unpublish(lead, "editor")).as("down already").isFalse();
        assertThat(articles.findById(lead).orElseThrow().status()).isEqualTo(ArticleState.UNPUBLISHED);
        assertListed(repost, 1);
        assertThat(articles.publishedSummaries(List.of(lead, repost))).extracting(ArticleSummary::id).containsExactly(repost);
        assertThat(articles.otherReports(articles.findById(repost).orElseThrow().storyId(), repost)).isEmpty();
        assertThat(articles.countPublished()).isEqualTo(1);
        assertThat(categories.storyCounts()).containsEntry(caijing, 1L);
        assertThat(articles.forAdmin(null, ArticleState.UNPUBLISHED, null, 1, 10).items()).extracting(ArticleRepository.Listed::id)
                .containsExactly(lead);

        assertThat(desk.publish(lead, null, "editor")).isTrue();
        assertListed(lead, 2);
        assertThat(audit.find(new AuditLog.Filter("editor", null, "article", Long.toString(lead)), 1, 10).items())
                .extracting(AuditLog.Entry::action).containsExactly("article.publish", "article.unpublish");
    }

    @Test
    void aDeletedArticleLeavesATombstoneSoItIsNotTakenInAgainAndItsStoryStays() {
        long lead = store.store(report("https://a.example.cn/1", "望海港外贸增长", NOON, Reports.PORT), "caijing", NOON).id();
        long second = store.store(report("https://b.example.cn/2", "外贸进出口增长", NOON.plusHours(1), Reports.PORT + "（东海日报）"), "caijing", NOON).id();
        long third = store.store(report("https://c.example.cn/3", "望海港外贸", NOON.plusHours(2), Reports.PORT + "（南港晚报）"), "caijing", NOON).id();
        assertThat(articles.findById(third).orElseThrow().storyId()).isEqualTo(lead);

        var deleted = deletion.delete(lead, "editor").orElseThrow();
        assertThat(deleted.storyNow()).isEqualTo(second);
        assertThat(articles.findById(lead)).isEmpty();
        assertThat(List.of(second, third)).allSatisfy(id -> assertThat(articles.findById(id).orElseThrow().storyId()).isEqualTo(second));
        assertThat(deletion.delete(lead, "editor")).isEmpty();

        assertThat(articles.existsWithUrl("https://a.example.cn/1")).as("a poll skips the URL").isTrue();
        var again = store.store(report("https://a.example.cn/1", "望海港外贸增长", NOON, Reports.PORT), "caijing", NOON);
        assertThat(again.withdrawn()).isTrue();
        var elsewhere = store.store(report("https://mirror.example.cn/x", "望海港外贸增长", NOON, Reports.PORT), "caijing", NOON);
        assertThat(elsewhere.withdrawn()).as("the same page under another address").isTrue();
        assertThat(articles.count()).isEqualTo(2);
        var entry = audit.find(new AuditLog.Filter(null, "article.delete", "article", Long.toString(lead)), 1, 1).items().get(0);
        assertThat(entry.before()).contains("望海港外贸增长").contains("https://a.example.cn/1");
    }

    @Test
    void anEditIsCheckedStoredAsEditedAndKeptByReextraction() {
        long id = store.store(report("https://a.example.cn/1", "图书馆古籍修复课", NOON, Reports.LIBRARY), "wenhua", NOON).id();
        assertThatThrownBy(() -> corrections.edit(id, new ArticleEdit("", "nosuch", null, null, null, null), "editor"))
                .isInstanceOf(ArticleEdit.Rejected.class).hasMessage("标题不能为空；没有这个栏目：“nosuch”");
        var changes = corrections.edit(id, new ArticleEdit("图书馆开设古籍修复体验课", "shehui", List.of("古籍", "修复"), null, null,
                NOON.plusDays(1)), "editor").orElseThrow();
        assertThat(changes.after()).containsOnlyKeys("title", "category", "tags", "published_at");
        assertThat(corrections.editedFields(id)).containsExactly("title", "tags", "published_at");
        assertThat(corrections.edit(999_999, new ArticleEdit("标题", null, null, null, null, null), "editor")).isEmpty();

        store.replaceExtraction(id, report("https://a.example.cn/1", "图书馆古籍修复课（抽取）", NOON, Reports.LIBRARY + "课程免费。"), "editor");
        Article after = articles.findById(id).orElseThrow();
        assertThat(after.title()).isEqualTo("图书馆开设古籍修复体验课");
        assertThat(after.tags()).containsExactly("古籍", "修复");
        assertThat(after.publishTime()).isAtSameInstantAs(NOON.plusDays(1));
        assertThat(after.text()).endsWith("课程免费。");
        assertThat(after.category().slug()).isEqualTo("shehui");
        assertThat(articles.forAdmin("古籍修复", null, null, 1, 10).total()).isEqualTo(1);
        assertThat(articles.forAdmin("100%", null, null, 1, 10).total()).isZero();
        assertThat(audit.find(new AuditLog.Filter("editor", "article.reextract", "article", Long.toString(id)), 1, 1).total()).isEqualTo(1);
    }

    /** Only the lead is listed, on every list, with the story's published size. */
    void assertListed(long lead, int storySize) {
        long caijing = categories.findBySlug("caijing").orElseThrow().id();
        for (var list : List.of(articles.latest(1, 10), articles.inCategory(caijing, 1, 10))) {
            assertThat(list.total()).isEqualTo(1);
            assertThat(list.items()).extracting(ArticleSummary::id, ArticleSummary::storySize)
                    .containsExactly(tuple(lead, storySize));
        }
        assertThat(articles.sitemap(10)).hasSize(storySize);
    }

    @Test
    void theSitemapListsPublishedArticlesNewestFirst() {
        long older = store.store(report("https://example.cn/1", "旧闻", NOON, Reports.LIBRARY), "wenhua", NOON.plusDays(1)).id();
        long newer = store.store(report("https://example.cn/2", "新闻", NOON.plusHours(5), Reports.OCEAN), "guoji", NOON.plusDays(1)).id();
        store.store(report("https://example.cn/3", "待审", NOON.plusHours(9), Reports.BANK), "caijing", NOON,
                new ArticleStore.Provenance(null, true, null));

        var entries = articles.sitemap(10);
        assertThat(entries).extracting(ArticleRepository.SitemapEntry::id).containsExactly(newer, older);
        assertThat(entries.get(0).title()).isEqualTo("新闻");
        assertThat(entries.get(0).publishTime()).isAtSameInstantAs(NOON.plusHours(5));
        assertThat(entries.get(0).lastModified()).isAtSameInstantAs(NOON.plusDays(1));
        assertThat(articles.sitemap(1)).hasSize(1);
    }

    @Test
    void aRawPageIsKeptBesideItsArticleAndReadBackAsFetched() {
        Source feed = catalog.create("test", settings("https://example.cn/rss.xml", "caijing"));
        Source other = catalog.create("test", settings("https://other.example.cn/rss.xml", null));
        byte[] gbk = ("<html><meta charset=gbk><p>" + Reports.BANK + "</p></html>").getBytes(Charset.forName("GBK"));
        var raw = new ArticleStore.RawPage("https://example.cn/bank.html", "text/html; charset=gbk", NOON, gbk, "农商银行推出信用贷款",
                NOON.minusHours(1), "<p>摘要</p>");
        long id = store.store(report("https://example.cn/bank.html", "信用贷款", NOON, Reports.BANK), "caijing", NOON,
                new ArticleStore.Provenance(feed.id(), false, raw)).id();

        RawPages.Kept kept = rawPages.get(id);
        assertThat(kept.body()).isEqualTo(gbk);
        assertThat(List.of(kept.url(), kept.contentType(), kept.feedTitle(), kept.feedHtml()))
                .containsExactly(raw.url(), raw.contentType(), raw.feedTitle(), raw.feedHtml());
        assertThat(kept.fetchedAt()).isAtSameInstantAs(NOON);
        assertThat(kept.feedPublished()).isAtSameInstantAs(NOON.minusHours(1));
        assertThat(kept.sourceId()).isEqualTo(feed.id());
        assertThat(rawPages.idsAfter(0, null, 10)).containsExactly(id);
        assertThat(rawPages.idsAfter(0, feed.id(), 10)).containsExactly(id);
        assertThat(rawPages.idsAfter(0, other.id(), 10)).isEmpty();
        assertThat(rawPages.idsAfter(id, null, 10)).isEmpty();
    }

    @Test
    void sourcesAreAddedListedChangedAndDeletedAndTheirArticlesStay() {
        Source feed = catalog.create("test", settings("https://example.cn/rss.xml", "caijing"));
        assertThat(feed.type()).isEqualTo(Source.Type.FEED);
        assertThat(feed.category().slug()).isEqualTo("caijing");
        assertThat(feed.enabled()).isTrue();
        assertThatThrownBy(() -> catalog.create("test", settings("https://example.cn/rss.xml", null))).isInstanceOf(IllegalArgumentException.class);
        Source site = catalog.create("test", settings("https://news.example.cn/", null));
        assertThat(sources.findAll()).extracting(Source::id).containsExactlyInAnyOrder(feed.id(), site.id());
        assertThat(sources.findByUrl("https://news.example.cn/")).map(Source::id).hasValue(site.id());

        Source changed = catalog.update("test", feed.id(), new Source.Settings("东海财经", null, null, "keji", 90, false, "gbk", null, true,
                null, null, null));
        assertThat(changed.name()).isEqualTo("东海财经");
        assertThat(changed.category().slug()).isEqualTo("keji");
        assertThat(List.of(changed.intervalMinutes(), changed.currentIntervalMinutes())).containsExactly(90, 90);
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.needsReview()).isTrue();
        assertThat(changed.charset()).isEqualTo("gbk");
        assertThat(changed.url()).as("unchanged").isEqualTo("https://example.cn/rss.xml");

        long article = store.store(report("https://example.cn/bank.html", "信用贷款", NOON, Reports.BANK), "caijing", NOON,
                new ArticleStore.Provenance(feed.id(), false, null)).id();
        assertThat(sources.collectedCounts(NOON.plusHours(1))).containsKey(feed.id());
        catalog.delete("test", feed.id());
        assertThat(sources.findById(feed.id())).isEmpty();
        assertThatThrownBy(() -> catalog.delete("test", feed.id())).isInstanceOf(SourceCatalog.SourceNotFoundException.class);
        assertThat(articles.findById(article).orElseThrow().sourceId()).as("the article outlives its source").isNull();
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE target_type = 'source' AND target_id = ? AND actor = 'test' ORDER BY id")
                .param(Long.toString(feed.id())).query(String.class).list())
                .containsExactly("source.create", "source.edit", "source.delete");
    }

    @Test
    void aSourceIsLeasedByOneNodeAtATimeUntilTheLeaseRunsOut() {
        long id = catalog.create("test", settings("https://example.cn/rss.xml", null)).id();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        assertThat(sources.leaseDue(10, "node-a", now, now.plusSeconds(60))).containsExactly(id);
        assertThat(sources.leaseDue(10, "node-b", now, now.plusSeconds(60))).isEmpty();
        assertThat(sources.tryLease(id, "node-b", now.plusSeconds(30), now.plusSeconds(90))).isFalse();
        assertThat(sources.lease(id)).hasValueSatisfying(l -> assertThat(l.owner()).isEqualTo("node-a"));
        assertThat(sources.renewLease(id, "node-a", now.plusSeconds(120))).isTrue();

        // node-a stalls; its lease runs out and node-b takes the source over
        assertThat(sources.tryLease(id, "node-b", now.plusSeconds(121), now.plusSeconds(181))).isTrue();
        assertThat(sources.renewLease(id, "node-a", now.plusSeconds(200))).isFalse();
        assertThat(sources.recordSuccess(id, "node-a", now.plusSeconds(130), true, "\"v1\"", null)).isFalse();
        assertThat(sources.recordSuccess(id, "node-b", now.plusSeconds(130), true, "\"v2\"", null)).isTrue();
        Source polled = sources.findById(id).orElseThrow();
        assertThat(polled.etag()).isEqualTo("\"v2\"");
        assertThat(polled.nextPollAt()).isAtSameInstantAs(now.plusSeconds(130).plusMinutes(polled.intervalMinutes()));
        assertThat(sources.lease(id)).isEmpty();

        sources.pollNow(id, now);
        assertThat(sources.leaseDue(10, "node-a", now, now.plusSeconds(60))).containsExactly(id);
        assertThat(sources.recordFailure(id, "node-a", now, "timeout", "read timed out", null)).isTrue();
        assertThat(sources.findById(id).orElseThrow()).extracting(Source::errorStreak, Source::lastError).containsExactly(1, "timeout");
        assertThat(sources.tryLease(id, "node-a", now, now.plusSeconds(60))).isTrue();
        assertThat(sources.releaseAll("node-a")).isEqualTo(1);
    }

    @Test
    void twoNodesLeasingAtTheSameMomentNeverTakeTheSameSource() throws Exception {
        for (int i = 0; i < 4; i++) {
            catalog.create("test", settings("https://example.cn/feed" + i + ".xml", null));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        var leasedByA = new CountDownLatch(1);
        var bDone = new CountDownLatch(1);
        // node-a's lease transaction stays open (its rows locked) while node-b leases
        CompletableFuture<List<Long>> a = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions).execute(tx -> {
            List<Long> ids = sources.leaseDue(2, "node-a", now, now.plusSeconds(60));
            leasedByA.countDown();
            try {
                bDone.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ids;
        }));
        assertThat(leasedByA.await(20, TimeUnit.SECONDS)).isTrue();
        List<Long> b = CompletableFuture.supplyAsync(() -> sources.leaseDue(10, "node-b", now, now.plusSeconds(60)))
                .get(20, TimeUnit.SECONDS);
        bDone.countDown();
        List<Long> byA = a.get(20, TimeUnit.SECONDS);
        assertThat(byA).hasSize(2);
        // PostgreSQL skips only the rows node-a locked; H2 may skip more, but neither hands out a source twice
        assertThat(b).doesNotContainAnyElementsOf(byA);
        List<Long> later = sources.leaseDue(10, "node-b", now, now.plusSeconds(60));
        assertThat(later).hasSize(2 - b.size()).doesNotContainAnyElementsOf(byA);
        assertThat(sources.findAll()).extracting(s -> sources.lease(s.id()).orElseThrow().owner())
                .containsExactlyInAnyOrder("node-a", "node-a", "node-b", "node-b");
    }

    static Source.Settings settings(String url, String category) {
        return new Source.Settings(null, url, null, category, null, null, null, null, null, null, null, null);
    }

    static ExtractedArticle report(String url, String title, OffsetDateTime published, String text) {
        return new ExtractedArticle(url, title, published, "东海日报", null, null, List.of(), text, "<p>" + text + "</p>", List.of(), "zh",
                List.of());
    }
}
