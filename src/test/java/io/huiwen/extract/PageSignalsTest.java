package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Metadata signals of whole pages: dates, bylines, breadcrumbs, and pages that hold no article. */
class PageSignalsTest {

    static final String PROSE = "<p>东江市今年新建口袋公园十二处，市民出门五分钟就能走进绿地，公园里增设了健身步道和儿童游乐区，周末游人如织。</p>"
            + "<p>据介绍，明年还将新建二十处口袋公园，并对老旧公园进行适老化改造，增设座椅、扶手和无障碍通道，让更多居民受益。</p>"
            + "<p>市园林部门负责人表示，口袋公园选址优先考虑人口密集、绿地不足的老城区，建成后由街道和社区共同管护。</p>";
    final ArticleExtractor extractor = new ArticleExtractor();
    final Instant fetchedAt = Instant.parse("2026-11-28T04:00:00Z"); // 12:00 in Beijing

    ExtractedArticle extract(String html) throws ExtractionException {
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "page.html", "text/html; charset=utf-8",
                URI.create("https://news.example.cn/a/1.html"), fetchedAt);
    }

    @Test
    void anAbsoluteDateNearTheTitleBeatsARelativeOneInTheSidebar() throws Exception {
        ExtractedArticle a = extract("<html><body><aside><span class=\"time\">3小时前</span><a href=\"/x\">别的新闻</a></aside>"
                + "<h1>东江新建口袋公园十二处</h1><div class=\"sub\"><span>东江日报</span> <span>2019-09-09 16:01:46</span></div>"
                + "<article>" + PROSE + "</article></body></html>");
        assertThat(a.publishTime()).isEqualTo(OffsetDateTime.parse("2019-09-09T16:01:46+08:00"));
    }

    @Test
    void anUnlabelledDateBeforeASourceLabelIsTheDate() throws Exception {
        ExtractedArticle a = extract("<html><body><h1>东江新建口袋公园十二处</h1><div class=\"news_about\"><p>记者 王芳</p>"
                + "<p>2020-06-06 10:08<span> 来源：东江日报</span></p></div><div class=\"content\">" + PROSE + "</div></body></html>");
        assertThat(a.publishTime()).isEqualTo(OffsetDateTime.parse("2020-06-06T10:08+08:00"));
        assertThat(a.source()).isEqualTo("东江日报");
    }

    @Test
    void aRelativeDateIsReadAgainstTheFetchTimeInBeijing() throws Exception {
        ExtractedArticle a = extract("<html><body><h1>东江新建口袋公园十二处</h1><span class=\"pub-time\">昨天 10:12</span>"
                + "<div class=\"content\">" + PROSE + "</div></body></html>");
        assertThat(a.publishTime()).isEqualTo(OffsetDateTime.parse("2026-11-27T10:12+08:00"));
    }

    @Test
    void noDateOnThePageIsNullNeverTheFetchTime() throws Exception {
        assertThat(extract("<html><body><h1>东江新建口袋公园十二处</h1><div class=\"content\">" + PROSE + "</div></body></html>").publishTime()).isNull();
    }

    @Test
    void breadcrumbFromANavLabelledForIt() throws Exception {
        ExtractedArticle a = extract("<html><body><nav aria-label=\"breadcrumb\"><a href=\"/\">首页</a> › <a href=\"/city\">城市</a></nav>"
                + "<h1>东江新建口袋公园十二处</h1><div class=\"content\">" + PROSE + "</div></body></html>");
        assertThat(a.breadcrumb()).containsExactly("首页", "城市");
    }

    @Test
    void breadcrumbFromJsonLdWins() throws Exception {
        ExtractedArticle a = extract("<html><head><script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\",\"itemListElement\":["
                + "{\"@type\":\"ListItem\",\"position\":1,\"name\":\"首页\"},{\"@type\":\"ListItem\",\"position\":2,\"name\":\"民生\"}]}</script></head>"
                + "<body><div class=\"location\">当前位置：<a>首页</a> &gt; <a>别处</a></div><h1>东江新建口袋公园十二处</h1><div class=\"content\">" + PROSE
                + "</div></body></html>");
        assertThat(a.breadcrumb()).containsExactly("首页", "民生");
    }

    @Test
    void videoAndAudioPlayersStayAsLinksButNeverAsText() throws Exception {
        ExtractedArticle a = extract("<html><body><h1>东江新建口袋公园十二处</h1><div class=\"content\">" + PROSE
                + "<iframe src=\"https://player.example.cn/video/8812\"></iframe><video><source src=\"/media/park.mp4\"></video>"
                + "<audio src=\"https://radio.example.cn/audio/77.mp3\"></audio><iframe src=\"https://ads.example.cn/slot?id=3\"></iframe>"
                + PROSE.replace("东江市", "西江市") + "</div></body></html>");
        assertThat(a.html()).contains("<a href=\"https://player.example.cn/video/8812\"", "https://news.example.cn/media/park.mp4",
                "https://radio.example.cn/audio/77.mp3").contains("视频：", "音频：").doesNotContain("ads.example.cn", "<iframe", "<video");
        assertThat(a.text()).doesNotContain("视频", "音频", "http");
    }

    @Test
    void aNotFoundPageIsNoArticle() {
        assertThatThrownBy(() -> extract("<html><head><title>404 页面不存在</title></head><body><nav><a href=\"/\">首页</a><a href=\"/c\">财经</a>"
                + "<a href=\"/d\">科技</a></nav><h1>404</h1><p>抱歉，您访问的页面不存在或已被删除。</p><p><a href=\"/\">返回首页</a></p></body></html>"))
                .isInstanceOf(NoArticleException.class).hasMessage("no article found");
    }
}
