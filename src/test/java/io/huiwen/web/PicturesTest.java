package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.extract.ExtractedArticle.Image;
import io.huiwen.ingest.Ingest;
import io.huiwen.search.IndexSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #15, pictures: a caption never shows without its picture, the demo articles have pictures
 * drawn for the project (served by /img like any image), lists show a thumbnail where an article
 * has a picture and none where it has not, and a figure opening the body is the lead image.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class PicturesTest {

    static final Path DATA = TestDataDir.create("pictures");
    static final String DEMO_TITLE = "11月制造业景气度回升";
    static final String LOST = "湖畔晨练的市民，这张照片已经遗失";
    static long lostId = -1, leadId = -1;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;
    @Autowired Ingest ingest;
    @Autowired IndexSync index;

    @BeforeEach
    void fixtures() {
        if (lostId < 0) {
            OffsetDateTime now = OffsetDateTime.now();
            var lost = ingest.given(article("https://fixture.example.cn/lost.html", "图片遗失的晨练新闻",
                    "<p>清晨的滨湖公园里，晨练的人越来越多，健身步道上一片热闹景象。太极拳、广场舞和慢跑的队伍各占一角，老人和年轻人都有。</p><figure><figcaption>" + LOST + "</figcaption></figure>"
                            + "<p>公园管理处说，步道照明改造将在月底完成，新装的路灯会在早上五点半亮起，方便天亮前出门锻炼的市民。</p>",
                    List.of(new Image(null, LOST)), now.minusMinutes(5), "社会"), now);
            assertThat(lost).as("the fixture is stored and published").returns(false, io.huiwen.article.ArticleStore.Stored::duplicate).returns(false, io.huiwen.article.ArticleStore.Stored::awaitingReview);
            lostId = lost.id();
            leadId = ingest.given(article("https://fixture.example.cn/lead.html", "头图在前的港口新闻",
                    "<figure><img src=\"https://img.fixture.example.cn/port.jpg\" alt=\"\"><figcaption>清晨的集装箱码头</figcaption></figure>"
                            + "<p>港口今年的吞吐量再创新高，集装箱航线新增多条。</p><p>码头自动化改造也在进行之中。</p>",
                    List.of(new Image("https://img.fixture.example.cn/port.jpg", "清晨的集装箱码头")), now.minusMinutes(4), "财经"), now).id();
        }
        index.drain();
    }

    static ExtractedArticle article(String url, String title, String html, List<Image> images, OffsetDateTime time, String category) {
        String text = Jsoup.parseBodyFragment(html).select("p").eachText().stream().reduce("", (a, b) -> a + b + "\n");
        return new ExtractedArticle(url, title, time, "汇闻测试", null, null, List.of("首页", category), text, html, images, "zh", List.of());
    }

    Document page(String path) throws Exception {
        return Jsoup.parse(DemoSite.page(mvc, path));
    }

    @Test
    void everyDemoFigureHasItsDrawnPictureAndItsCaption() throws Exception {
        long id = DemoSite.idOfTitle(articles, DEMO_TITLE);
        Document doc = page("/a/" + id);
        List<Element> figures = doc.select(".body figure");
        assertThat(figures).isNotEmpty();
        for (Element figure : figures) {
            Element img = figure.selectFirst("img");
            assertThat(img).as("a picture in %s", figure).isNotNull();
            assertThat(img.attr("src")).matches("/img/" + id + "/\\d+");
            assertThat(img.attr("alt")).isNotBlank();
            assertThat(img.attr("width")).isEqualTo("640");
            assertThat(img.attr("height")).isEqualTo("360");
            assertThat(figure.select("figcaption").text()).isEqualTo(img.attr("alt"));

            MockHttpServletResponse picture = mvc.perform(get(img.attr("src"))).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(picture.getContentType()).startsWith("image/svg+xml");
            String svg = picture.getContentAsString(StandardCharsets.UTF_8);
            assertThat(svg).startsWith("<svg").contains("51.3%").contains("<title>" + img.attr("alt") + "</title>");
        }
        // no demo article shows a figure without its picture
        for (var a : articles.latest(1, 100).items()) {
            assertThat(page("/a/" + a.id()).select(".body figure:not(:has(img))")).as("article %s", a.title()).isEmpty();
        }
    }

    @Test
    void aCaptionWhosePictureIsLostIsANoteNotAnEmptyBoxAndStaysSearchable() throws Exception {
        Document doc = page("/a/" + lostId);
        assertThat(doc.select(".body figure, .body figcaption")).isEmpty();
        assertThat(doc.select(".body p.caption-note").text()).isEqualTo(LOST);
        assertThat(doc.select(".body p").eachText()).containsSubsequence(LOST, "公园管理处说，步道照明改造将在月底完成，新装的路灯会在早上五点半亮起，方便天亮前出门锻炼的市民。");
        // 湖畔 is only in the caption: the index reads the stored body's figcaptions
        assertThat(page("/search?q=湖畔").select(".hits a.title").eachAttr("href")).contains("/a/" + lostId);
        // and it has no picture, so no thumbnail and no og:image
        assertThat(doc.select("meta[property=og:image]")).isEmpty();
    }

    @Test
    void aFigureOpeningTheBodyIsTheLeadImage() throws Exception {
        Document doc = page("/a/" + leadId);
        Element lead = doc.selectFirst(".body > figure:first-child");
        assertThat(lead).isNotNull();
        assertThat(lead.hasClass("lead-figure")).isTrue();
        assertThat(lead.selectFirst("img").attr("src")).isEqualTo("/img/" + leadId + "/0");
        assertThat(lead.selectFirst("img").attr("loading")).isEqualTo("eager");
        assertThat(doc.selectFirst("meta[property=og:image]").attr("content")).endsWith("/img/" + leadId + "/0");
        // a figure further down stays lazy
        long demo = DemoSite.idOfTitle(articles, DEMO_TITLE);
        assertThat(page("/a/" + demo).select(".body figure img").eachAttr("loading")).containsOnly("lazy");
    }

    @Test
    void listsShowAThumbnailWhereAnArticleHasAPictureAndNoneWhereItHasNot() throws Exception {
        long demo = DemoSite.idOfTitle(articles, DEMO_TITLE);
        String tag = articles.findById(demo).orElseThrow().tags().get(0);
        for (String path : List.of("/c/caijing", "/t/" + tag, "/search?q=制造业景气度")) {
            Document doc = page(path);
            Element item = itemLinking(doc, "/a/" + demo);
            assertThat(item).as("%s lists the demo article", path).isNotNull();
            Element thumb = item.selectFirst("img.thumb");
            assertThat(thumb).as("thumbnail on %s", path).isNotNull();
            assertThat(thumb.attr("src")).matches("/img/" + demo + "/\\d+");
            assertThat(thumb.attr("alt")).isNotBlank();
            assertThat(thumb.attr("width")).isEqualTo("120");
            assertThat(thumb.attr("height")).isEqualTo("80");
            assertThat(thumb.attr("loading")).isEqualTo("lazy");
            assertThat(thumb.hasAttr("style")).isFalse();
        }
        for (String path : List.of("/", "/search?q=湖畔")) {
            Element item = itemLinking(page(path).selectFirst("section.latest, ol.hits"), "/a/" + lostId);
            assertThat(item).as("%s lists the article without picture", path).isNotNull();
            assertThat(item.select("img")).isEmpty();
        }
        assertThat(itemLinking(page("/").selectFirst("section.latest"), "/a/" + leadId).selectFirst("img.thumb").attr("src")).isEqualTo("/img/" + leadId + "/0");
        // the sidebars stay text
        assertThat(page("/").select(".side img")).isEmpty();
    }

    static Element itemLinking(Element doc, String href) {
        Element title = doc.selectFirst("ul.articles a.title[href=" + href + "], ol.hits a.title[href=" + href + "]");
        return title == null ? null : title.parent();
    }
}
