package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The page's own section or column name: structured data first, then a column printed beside the headline. */
class SectionReaderTest {

    static String section(String html) {
        return SectionReader.read(Jsoup.parse(html));
    }

    @Test
    void articleSectionInJsonLd() {
        assertThat(section("""
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
                {"@type":"NewsArticle","headline":"央行下调存款准备金率","articleSection":["财经","宏观"]}]}</script>
                <h1>央行下调存款准备金率</h1>""")).isEqualTo("财经");
    }

    @Test
    void articleSectionInMicrodataAndMeta() {
        assertThat(section("<div itemscope itemtype=\"https://schema.org/NewsArticle\"><span itemprop=\"articleSection\">体育</span><h1>t</h1></div>"))
                .isEqualTo("体育");
        assertThat(section("<head><meta property=\"article:section\" content=\"World\"></head><h1>t</h1>")).isEqualTo("World");
        assertThat(section("<head><meta name=\"og:category \" content=\"凤凰科技\"></head><h1>t</h1>"))
                .as("a meta name with a stray space").isEqualTo("凤凰科技");
    }

    @Test
    void aColumnNamePrintedBesideTheHeadlineNotTheMenusChannels() throws Exception {
        String page = Files.readString(Path.of("src/test/resources/pages/sections/column-beside-headline.html"));
        assertThat(section(page)).isEqualTo("城市");
        ExtractedArticle article = new ArticleExtractor().extract(page.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "column-beside-headline.html", "text/html; charset=utf-8", null, null);
        assertThat(article.section()).as("the extractor fills the article's section").isEqualTo("城市");
    }

    @Test
    void aColumnLineAndNothingWhenThePageNamesNone() {
        assertThat(section("<div><p>栏目：读书</p></div><h1>一座县城图书馆的十年</h1>")).isEqualTo("读书");
        assertThat(section("<div class=\"channel-bar\">当前位置：首页 > 产经 > 正文</div><h1>t</h1>"))
                .as("a trail is a breadcrumb, not a section name").isNull();
        assertThat(section("<h1>只有标题的页面</h1><p>正文</p>")).isNull();
    }

    @Test
    void theTitleTrailAfterTheHeadlineNamesChannelAndSiteMostSpecificFirst() throws Exception {
        String page = Files.readString(Path.of("src/test/resources/pages/sections/channel-in-title-trail.html"));
        ExtractedArticle article = new ArticleExtractor().extract(page.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "channel-in-title-trail.html", "text/html; charset=utf-8", null, null);
        assertThat(article.title()).isEqualTo("南岭山区小学用上卫星网络");
        assertThat(article.titleTrail()).containsExactly("乡村学校", "南岭科技", "南岭网");
    }

    @Test
    void noTitleTrailWhenTheTitleDoesNotStartWithTheHeadline() {
        assertThat(SectionReader.titleTrail(Jsoup.parse("<title>南岭网 - 山区小学用上卫星网络</title>"), "山区小学用上卫星网络")).isEmpty();
        assertThat(SectionReader.titleTrail(Jsoup.parse("<title>山区小学用上卫星网络</title>"), "山区小学用上卫星网络")).isEmpty();
        assertThat(SectionReader.titleTrail(Jsoup.parse("<title>山区小学用上卫星网络--文化--南岭网</title>"), "山区小学用上卫星网络"))
                .containsExactly("文化", "南岭网");
        assertThat(SectionReader.titleTrail(Jsoup.parse("<title>山区小学用上卫星网络和光纤</title>"), "山区小学用上卫星网络"))
                .as("the headline must end at a separator").isEmpty();
    }
}
