package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    private static final String ARTICLE = "<html><head><title>县城新建一座图书馆_某某网</title></head><body><h1>县城新建一座图书馆</h1><div class=\"content\">"
            + "<p>县城新建的图书馆今天正式开放，馆内藏书超过十万册，并设有少儿阅览区和自习室，市民可以免费办理借阅证。</p>"
            + "<p>图书馆负责人表示，开馆第一周将举办系列读书活动，欢迎市民带着孩子前来参观。</p></div></body></html>";

    @Test
    void emptyInputIsNoArticle() {
        assertThatThrownBy(() -> extractor.extract(new byte[0], "a.html", null, null, null))
                .isInstanceOf(NoArticleException.class).hasMessage("empty file");
    }

    @Test
    void binaryInputIsNoArticle() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertThatThrownBy(() -> extractor.extract(png, "a.png", null, null, null))
                .isInstanceOf(NoArticleException.class).hasMessage("binary file, not a page");
    }

    @Test
    void listPageIsNoArticle() throws Exception {
        byte[] page = Files.readAllBytes(PageFixturesTest.PAGES.resolve("list-page-no-article.html"));
        assertThatThrownBy(() -> extractor.extract(page, "list.html", null, null, null))
                .isInstanceOf(NoArticleException.class).hasMessage("no article found");
    }

    @Test
    void gzipPageIsDecompressed() throws Exception {
        ExtractedArticle a = extractor.extract(gzip(ARTICLE.getBytes(StandardCharsets.UTF_8)), "a.html.gz", null, null, null);
        assertThat(a.title()).isEqualTo("县城新建一座图书馆");
        assertThat(a.text()).startsWith("县城新建的图书馆今天正式开放");
    }

    @Test
    void gzipBombIsRefusedAsTooLarge() throws Exception {
        byte[] bomb = gzip(new byte[21 * 1024 * 1024]);
        assertThatThrownBy(() -> extractor.extract(bomb, "bomb.gz", null, null, null))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("too large");
    }

    @Test
    void inputOverTwentyMegabytesIsRefused() {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> extractor.extract(big, "big.html", null, null, null))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("too large");
    }

    @Test
    void gbkBytesWithoutDeclarationDecodeAsChinese() throws Exception {
        byte[] gbk = ARTICLE.getBytes(Charset.forName("GBK"));
        assertThat(extractor.extract(gbk, "gbk.html", null, null, null).title()).isEqualTo("县城新建一座图书馆");
    }

    @Test
    void fiveThousandNestedTablesFinishWithoutStackOverflow() throws Exception {
        String open = "<table><tr><td>".repeat(5000);
        String close = "</td></tr></table>".repeat(5000);
        String page = "<html><body>" + open + ARTICLE.replaceAll("</?(html|head|body)>", "") + close + "</body></html>";
        ExtractedArticle a = java.util.concurrent.CompletableFuture.supplyAsync(() -> extractQuietly(page))
                .get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(a.text()).contains("县城新建的图书馆今天正式开放");
    }

    @Test
    void tenMegabytePageFinishes() throws Exception {
        StringBuilder b = new StringBuilder("<html><body><h1>县城新建一座图书馆</h1><div id=\"main\">");
        String paragraph = "<p>县城新建的图书馆今天正式开放，馆内藏书超过十万册，并设有少儿阅览区和自习室，市民可以免费办理借阅证。</p>\n";
        while (b.length() < 5_400_000) {
            b.append(paragraph).append("<div class=\"x\"><a href=\"/a\">链接</a><span>短</span></div>");
        }
        b.append("</div></body></html>");
        byte[] page = b.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(page.length).isGreaterThan(10_000_000);
        ExtractedArticle a = extractor.extract(page, "big.html", null, null, null);
        assertThat(a.text()).startsWith("县城新建的图书馆今天正式开放");
    }

    @Test
    void textDumpIsRecognisedByItsContent() {
        assertThat(ArticleExtractor.isHtml("当前位置:首页 > 财经 >\n标题\n日期: 来源:某报", null)).isFalse();
        assertThat(ArticleExtractor.isHtml("<!DOCTYPE html><html>", null)).isTrue();
        assertThat(ArticleExtractor.isHtml("\n\n<div class=x>正文</div>", null)).isTrue();
    }

    private ExtractedArticle extractQuietly(String page) {
        try {
            return extractor.extract(page.getBytes(StandardCharsets.UTF_8), "nested.html", null, null, null);
        } catch (ExtractionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
