package io.huiwen.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a page dumped as text: site chrome, the {@code 当前位置:首页 > 财经 >} line, the title,
 * the {@code 日期: 来源: 编辑:} line, the body, then the related / hot / latest lists, which are
 * never body.
 */
final class PageDumpExtractor {
    private static final Set<String> LIST_HEADERS = Set.of(
            "相关阅读", "相关新闻", "相关文章", "相关推荐", "热门文章", "热门推荐", "热点新闻", "最新文章",
            "最新新闻", "推荐阅读", "延伸阅读", "猜你喜欢", "热门阅读", "精彩推荐", "更多阅读");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?…；;]");
    private static final int MAX_HEADING_CHARS = 24;
    private static final int MAX_TITLE_SEARCH = 3;

    private PageDumpExtractor() {}

    static ExtractedArticle extract(String content, Instant fetchedAt) throws NoArticleException {
        List<String> lines = lines(content);
        int crumbAt = indexOf(lines, 0, BreadcrumbReader::isBreadcrumbLine);
        int bylineAt = indexOf(lines, Math.max(crumbAt, 0), BylineParser::isByline);
        List<String> breadcrumb = crumbAt >= 0 ? BreadcrumbReader.parseLine(lines.get(crumbAt)) : List.of();

        String title = null;
        int bodyFrom;
        BylineParser.Byline byline = BylineParser.Byline.NONE;
        if (bylineAt >= 0) {
            byline = BylineParser.parse(lines.get(bylineAt));
            int titleAt = titleBefore(lines, bylineAt, crumbAt);
            title = titleAt >= 0 ? lines.get(titleAt) : null;
            bodyFrom = bylineAt + 1;
        } else {
            // No byline: the title is the first line after the breadcrumb (or the first line).
            int titleAt = indexOf(lines, crumbAt + 1, l -> !l.isEmpty());
            title = titleAt >= 0 ? lines.get(titleAt) : null;
            bodyFrom = titleAt + 1;
        }
        ArticleBody body = body(lines, bodyFrom);
        if (body.isEmpty()) {
            throw new NoArticleException("no article found");
        }
        String text = body.text();
        return new ExtractedArticle(null, TitleCleaner.clean(title),
                PublishDateParser.parse(byline.date(), fetchedAt), byline.source(), byline.author(), byline.editor(),
                breadcrumb, text, body.html(), body.images(), LanguageGuesser.guess(text, null), List.of());
    }

    static boolean isListHeader(String line) {
        return LIST_HEADERS.contains(line.replaceAll("[\\s:：>»]+$", ""));
    }

    private static ArticleBody body(List<String> lines, int from) {
        ArticleBody body = new ArticleBody();
        for (int i = Math.max(from, 0); i < lines.size(); i++) {
            String line = lines.get(i);
            if (isListHeader(line)) {
                break;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (CaptionDetector.isCaption(line)) {
                body.caption(line);
            } else if (isSubheading(line)) {
                body.heading(line);
            } else {
                body.paragraph(line, null);
            }
        }
        return body;
    }

    /** Section lines are short and do not end a sentence: 政策扶持引导,优化创新生态. */
    static boolean isSubheading(String line) {
        return line.length() <= MAX_HEADING_CHARS && !SENTENCE_END.matcher(line).find()
                && !line.startsWith("•") && !CaptionDetector.isCaption(line);
    }

    private static int titleBefore(List<String> lines, int bylineAt, int crumbAt) {
        int seen = 0;
        for (int i = bylineAt - 1; i > crumbAt && seen < MAX_TITLE_SEARCH; i--) {
            if (!lines.get(i).isEmpty()) {
                return i;
            }
            seen++;
        }
        return -1;
    }

    private static int indexOf(List<String> lines, int from, java.util.function.Predicate<String> test) {
        for (int i = Math.max(from, 0); i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> lines(String content) {
        List<String> lines = new ArrayList<>();
        for (String line : content.split("\\R", -1)) {
            lines.add(line.replace('\u00a0', ' ').replace('\u3000', ' ').replace("\uFEFF", "").strip());
        }
        return lines;
    }
}
