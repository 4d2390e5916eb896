package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Table-driven tests of the small detectors: dates, bylines, captions, titles, charsets, sanitizing. */
class DetectorsTest {
    private static final Instant FETCHED = Instant.parse("2026-11-21T02:00:00Z"); // 10:00 in Beijing

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2019-09-07T08:05:00+08:00            | 2019-09-07T08:05+08:00",
            "2019-09-07T00:05:00Z                 | 2019-09-07T00:05Z",
            "2019-09-07T16:28:35                  | 2019-09-07T16:28:35+08:00",
            "2019年09月07日 08:05                 | 2019-09-07T08:05+08:00",
            "发布时间：2019-09-07 16:28:35 来源：新华网 | 2019-09-07T16:28:35+08:00",
            "2019/9/7                             | 2019-09-07T00:00+08:00",
            "昨天 10:12                           | 2026-11-20T10:12+08:00",
            "3小时前                              | 2026-11-21T07:00+08:00",
            "2019-13-45                           | ",
            "没有日期                             | "})
    void publishDateParserReadsChineseAndIsoForms(String text, String expected) {
        OffsetDateTime t = PublishDateParser.parse(text, FETCHED);
        assertThat(t == null ? null : t.toString()).isEqualTo(expected);
    }

    @Test
    void relativeDateWithoutFetchTimeIsUnknownNotNow() {
        assertThat(PublishDateParser.parse("昨天 10:12", null)).isNull();
        assertThat(PublishDateParser.parse("", FETCHED)).isNull();
    }

    @Test
    void bylineFieldsRunTogetherWithoutSpaces() {
        BylineParser.Byline b = BylineParser.parse("日期: 来源:甬派客户端收集编辑:甬派客户端");
        assertThat(b.date()).isNull();
        assertThat(b.source()).isEqualTo("甬派客户端");
        assertThat(b.editor()).isEqualTo("甬派客户端");
    }

    @Test
    void bylineWithFullWidthColonsAndResponsibleEditor() {
        BylineParser.Byline b = BylineParser.parse("发布时间：2026-11-20 09:30　来源：湖畔日报　作者：周晓　责任编辑：陈岚");
        assertThat(b.date()).isEqualTo("2026-11-20 09:30");
        assertThat(b.source()).isEqualTo("湖畔日报");
        assertThat(b.author()).isEqualTo("周晓");
        assertThat(b.editor()).isEqualTo("陈岚");
    }

    @Test
    void bylineWithUnlabelledLeadingDate() {
        BylineParser.Byline b = BylineParser.parse("2019-09-07 13:43:45　来源: 证券市场红周刊");
        assertThat(b.date()).isEqualTo("2019-09-07 13:43:45");
        assertThat(b.source()).isEqualTo("证券市场红周刊");
        assertThat(BylineParser.isByline("他说：来源很重要，这是一段很普通的正文，并没有署名行的样子。")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"赛诺科技有限公司研发场景。张三/摄", "某某汽车工厂。某某市委宣传部供图", "新华社记者 李四 摄",
            "湖面上的白天鹅（图/视觉中国）", "资料图", "图片来源：网络", "古镇夜景。王五 摄影"})
    void captionDetectorKnowsPhotoCredits(String line) {
        assertThat(CaptionDetector.isCaption(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"政策扶持引导,优化创新生态", "企业创新发展,离不开政策、资金扶持。",
            "他回忆说，那一年他第一次拿起相机，在老街上一待就是一整天，从清晨到日落拍下了上百张老房子和老手艺人的照片，后来这些照片都被县博物馆收藏，成为研究小城变迁的珍贵资料。记者 赵六 摄"})
    void captionDetectorLeavesProseAndHeadingsAlone(String line) {
        assertThat(CaptionDetector.isCaption(line)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "共享充电宝涨价告别1元时代_澎湃新闻-The Paper # 共享充电宝涨价告别1元时代",
            "港口集装箱吞吐量创新高-新华网 # 港口集装箱吞吐量创新高",
            "River town opens a new library | The Valley Herald # River town opens a new library",
            "COVID-19 cases fall in the city # COVID-19 cases fall in the city",
            "新冠COVID-19疫情最新消息 # 新冠COVID-19疫情最新消息"})
    void titleCleanerStripsSiteSuffixes(String title, String expected) {
        assertThat(TitleCleaner.clean(title)).isEqualTo(expected);
    }

    @Test
    void charsetSnifferPrefersValidUtf8OverDeclaredGb2312() {
        byte[] bytes = "<meta charset=gb2312><p>中文正文</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(CharsetSniffer.decode(bytes, null)).contains("中文正文");
    }

    @Test
    void charsetSnifferUsesGb18030ForDeclaredGbk() {
        byte[] bytes = "<meta charset=gbk><p>中文正文，镕</p>".getBytes(Charset.forName("GB18030"));
        assertThat(CharsetSniffer.decode(bytes, null)).contains("中文正文，镕");
        assertThat(CharsetSniffer.decode(bytes, "text/html; charset=GB2312")).contains("中文正文，镕");
    }

    @Test
    void charsetSnifferFallsBackToWindows1252ForLatinBytes() {
        byte[] bytes = "<p>Café crème brûlée</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CharsetSniffer.decode(bytes, null)).contains("Café crème brûlée");
    }

    @Test
    void charsetSnifferHonoursUtf8Bom() {
        byte[] body = "<p>正文</p>".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        assertThat(CharsetSniffer.decode(bytes, "text/html; charset=gbk")).isEqualTo("<p>正文</p>");
    }

    @Test
    void sanitizerRemovesScriptsHandlersAndJavascriptLinks() {
        String html = BodySanitizer.sanitize("<p onclick=\"x()\">正文<script>alert(1)</script>"
                + "<img src=\"https://a.example/p.jpg\" onerror=\"alert(1)\" alt=\"图\">"
                + "<a href=\"javascript:alert(1)\">坏链接</a><a href=\"https://a.example/\">好链接</a>"
                + "<span style=\"color:red\">红</span><iframe src=\"https://evil.example\"></iframe></p>");
        assertThat(html).doesNotContain("script", "onerror", "onclick", "javascript", "iframe", "style", "span");
        assertThat(html).contains("<img src=\"https://a.example/p.jpg\" alt=\"图\">");
        assertThat(html).contains("<a href=\"https://a.example/\" rel=\"nofollow\">好链接</a>");
    }

    @Test
    void sanitizerDropsNonHttpImages() {
        assertThat(BodySanitizer.sanitize("<figure><img src=\"data:image/png;base64,AAAA\"><figcaption>说明</figcaption></figure>"))
                .isEqualTo("<figure><figcaption>说明</figcaption></figure>");
    }

    @Test
    void breadcrumbLineVariants() {
        assertThat(BreadcrumbReader.parseLine("当前位置:首页\u00a0>\u00a0财经 >")).containsExactly("首页", "财经");
        assertThat(BreadcrumbReader.parseLine("当前位置：首页 ＞ 科技 ＞ 正文")).containsExactly("首页", "科技", "正文");
        assertThat(BreadcrumbReader.parseLine("您的位置：首页 » 国际")).containsExactly("首页", "国际");
    }

    @Test
    void languageFollowsTheScript() {
        assertThat(LanguageGuesser.guess("县城新建一座图书馆 with Wi-Fi", "en")).isEqualTo("zh");
        assertThat(LanguageGuesser.guess("The library opened on Monday.", null)).isEqualTo("en");
        assertThat(LanguageGuesser.guess("La bibliothèque a ouvert lundi.", "fr-FR")).isEqualTo("fr");
    }

    @Test
    void dumpSubheadingsAreShortAndUnpunctuated() {
        assertThat(PageDumpExtractor.isSubheading("政策扶持引导,优化创新生态")).isTrue();
        assertThat(PageDumpExtractor.isSubheading("企业创新发展,离不开政策、资金扶持。")).isFalse();
        assertThat(PageDumpExtractor.isSubheading("领克汽车余姚工厂。余姚市委宣传部供图")).isFalse();
        assertThat(PageDumpExtractor.isListHeader("相关阅读")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"字号", "我要跟帖", "（责任编辑：周楠）", "(责编：李想、王一)", "【编辑：姚昊】", "校对：刘威",
            "- THE END -", "延伸 · 推荐", "（点击看清晰大图）", "信息来源于网络，如有侵权请联系删除", "（原标题：百年老码头“回来了”）",
            "声明：本文转自某报，文章内容仅代表作者观点，不代表本平台立场，如涉及版权问题请与我们联系，我们将在第一时间处理，感谢各位读者的理解与支持。",
            "【文/南岭时报专栏作者 周明】", "澎湃新闻记者 贺梨萍", "Meistgelesen", "Next article", "Comments are moderated before they appear.",
            "Alle Rechte vorbehalten.", "Jetzt abonnieren und keine Ausgabe verpassen"})
    void boilerplateLinesOfNewsrooms(String line) {
        assertThat(BoilerplateLine.isBoilerplate(line, 0)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"苹果公司声明称，相信供应链中的每个人都应该得到尊重。", "编辑部收到了上百封读者来信，大多数人支持这项改革。",
            "Die Kommentare der Leser waren überwiegend positiv, sagte die Sprecherin.", "小花家。"})
    void bodyLinesThatMentionTheseWordsStay(String line) {
        assertThat(BoilerplateLine.isBoilerplate(line, 0)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "© 2026 Huiwen Daily. Reprints by permission.|true",
            "Prices are quoted in euros © by the exchange itself, which publishes them daily.|false",
            "Photo credit: Li Wei|true",
            "The team gave photo credit: the agency had asked for it.|false",
            "Subscribe to the evening edition|true",
            "Readers who subscribe can read every story.|false",
            "Cite this article: Wang, L. (2026)|true",
            "Have a tip? Write to the newsroom.|true",
            "We have a tip line for readers in the valley and it is staffed every day.|false"})
    void promotionsThatOpenALineCountOnlyThere(String line, boolean boilerplate) {
        assertThat(BoilerplateLine.isBoilerplate(line, 0)).isEqualTo(boilerplate);
    }

    @Test
    void runsOfSpacesBecomeOneSpaceAsWithTheWhitespacePattern() {
        assertThat(BodyReader.oneSpace(" a\u00a0\u00a0b\t\r\nc\u3000d ")).isEqualTo(" a b c\u3000d ");
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = {' ', '\t', '\n', '\u000b', '\f', '\r', '\u00a0', '\u3000', '\u2003', 'x', '字', '\u001c'};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String viaPattern = s.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ");
            assertThat(BodyReader.oneSpace(s)).as("%s", s).isEqualTo(viaPattern);
        }
    }

    @Test
    void anEmptyLineIsNotBoilerplate() {
        assertThat(BoilerplateLine.isBoilerplate("", 0)).isFalse();
    }

    @Test
    void aShortOneClauseLineLabelsThePictureAboveIt() {
        assertThat(CaptionDetector.isPictureLabel("修缮后的老码头。")).isTrue();
        assertThat(CaptionDetector.isPictureLabel("9月9日，开学已满一周，小温还没能去报到。")).isFalse();
        assertThat(CaptionDetector.isPictureLabel("冰洞搜索")).isFalse();
        assertThat(CaptionDetector.isPictureLabel("The old dock after repairs.")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"'name, someone@example.com',", "104363,", "'biaoffeng 收藏本文 分享到: QQ空间 新浪微博',biaoffeng",
            "人民网-文化频道 原创稿,人民网-文化频道", "By Anna Reed,Anna Reed", "陈智 整合,陈智", "网络整理,", "网络,"})
    void bylineNamesAreCleanedOfAddressesIdsAndWidgets(String raw, String expected) {
        assertThat(OutletName.clean(raw)).isEqualTo(expected);
    }

    @Test
    void outletsAndPortalsAreNotWriters() {
        assertThat(OutletName.isOutlet("新京报")).isTrue();
        assertThat(OutletName.isOutlet("人民网-文化频道")).isTrue();
        assertThat(OutletName.isOutlet("裴剑飞")).isFalse();
        assertThat(OutletName.isPortal("网易")).isTrue();
    }

    @Test
    void aDateOnlyPageIsDatedToTheDayAndATimeToTheMinuteOrSecond() {
        assertThat(PublishDateParser.dated("2024-03-05", null).precision()).isEqualTo(ExtractedArticle.TimePrecision.DAY);
        assertThat(PublishDateParser.dated("2024年03月05日08:18", null).precision()).isEqualTo(ExtractedArticle.TimePrecision.MINUTE);
        assertThat(PublishDateParser.dated("2024-03-05 08:18:09", null).precision()).isEqualTo(ExtractedArticle.TimePrecision.SECOND);
        assertThat(PublishDateParser.dated("1581517074", null).time().toString()).isEqualTo("2020-02-12T22:17:54+08:00");
        assertThat(PublishDateParser.dated("0000000000", null)).as("a zero counter is no date").isNull();
    }
}
