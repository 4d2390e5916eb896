package io.huiwen.extract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the extractor found on one page. Every field is null (or an empty list) when the page
 * does not state it: nothing here is ever invented.
 *
 * @param url       the page's canonical URL when known (og:url, canonical link, or the fetch URL)
 * @param title     the headline, without a site-name suffix
 * @param publishTime when the page says it was published; null when it does not say
 * @param source    来源 (the outlet), e.g. 甬派客户端
 * @param author    作者
 * @param editor    编辑 / 责任编辑
 * @param breadcrumb the page's own breadcrumb, e.g. [首页, 财经]
 * @param text      body as plain text, paragraphs separated by a blank line, captions excluded
 * @param html      sanitized body HTML with {@code <figure><figcaption>} for images and captions
 * @param images    images of the body with absolute URLs and their captions
 * @param lang      BCP-47 language guess (zh, en, ...)
 * @param nextPages URLs of further pages of a multi-page article
 * @param timePrecision how much of {@code publishTime} the page gave (a date-only page: DAY); null when there is no time
 * @param section   the page's own section or column (schema.org {@code articleSection}, a column name), or null
 * @param platform  the publishing platform an outlet posted through (网易号, 百家号, 头条号), kept apart from
 *                  {@code source}, the outlet itself; null when the page is the outlet's own
 * @param titleTrail the parts of the page's {@code <title>} after its headline, most specific first
 *                  (标题_财经_腾讯网 → [财经, 腾讯网]): the channel and site names the page files itself under
 */
public record ExtractedArticle(
        String url,
        String title,
        OffsetDateTime publishTime,
        String source,
        String author,
        String editor,
        List<String> breadcrumb,
        String text,
        String html,
        List<Image> images,
        String lang,
        List<String> nextPages,
        TimePrecision timePrecision,
        String section,
        String platform,
        List<String> titleTrail) {

    /** How precisely a page states when it was published. */
    public enum TimePrecision { DAY, MINUTE, SECOND }

    public ExtractedArticle {
        breadcrumb = breadcrumb == null ? List.of() : List.copyOf(breadcrumb);
        images = images == null ? List.of() : List.copyOf(images);
        nextPages = nextPages == null ? List.of() : List.copyOf(nextPages);
        titleTrail = titleTrail == null ? List.of() : List.copyOf(titleTrail);
        timePrecision = publishTime == null ? null : timePrecision == null ? TimePrecision.SECOND : timePrecision;
    }

    /** An article without a stated precision (to the second when dated), section or platform. */
    public ExtractedArticle(String url, String title, OffsetDateTime publishTime, String source, String author, String editor,
            List<String> breadcrumb, String text, String html, List<Image> images, String lang, List<String> nextPages) {
        this(url, title, publishTime, source, author, editor, breadcrumb, text, html, images, lang, nextPages, null, null, null);
    }

    /** An article whose {@code <title>} names no channel after its headline. */
    public ExtractedArticle(String url, String title, OffsetDateTime publishTime, String source, String author, String editor,
            List<String> breadcrumb, String text, String html, List<Image> images, String lang, List<String> nextPages,
            TimePrecision timePrecision, String section, String platform) {
        this(url, title, publishTime, source, author, editor, breadcrumb, text, html, images, lang, nextPages, timePrecision, section,
                platform, null);
    }

    /** The same article under another URL (the canonical one the collector settled on). */
    public ExtractedArticle withUrl(String url) {
        return new ExtractedArticle(url, title, publishTime, source, author, editor, breadcrumb, text, html, images, lang, nextPages,
                timePrecision, section, platform, titleTrail);
    }

    /** The same article with another headline. */
    public ExtractedArticle withTitle(String title) {
        return new ExtractedArticle(url, title, publishTime, source, author, editor, breadcrumb, text, html, images, lang, nextPages,
                timePrecision, section, platform, titleTrail);
    }

    /** The same article with another publish time (null: the page does not say), to the second. */
    public ExtractedArticle withPublishTime(OffsetDateTime publishTime) {
        return withPublishTime(publishTime, TimePrecision.SECOND);
    }

    /** The same article with another publish time and how precisely it is known. */
    public ExtractedArticle withPublishTime(OffsetDateTime publishTime, TimePrecision precision) {
        return new ExtractedArticle(url, title, publishTime, source, author, editor, breadcrumb, text, html, images, lang, nextPages,
                precision, section, platform, titleTrail);
    }

    /** The same article with the section or column the page names (null: it names none). */
    public ExtractedArticle withSection(String section) {
        return new ExtractedArticle(url, title, publishTime, source, author, editor, breadcrumb, text, html, images, lang, nextPages,
                timePrecision, section, platform, titleTrail);
    }

    /** The same article with the body (text, HTML and images) of {@code other}, e.g. a feed's fuller copy. */
    public ExtractedArticle withBodyOf(ExtractedArticle other) {
        return new ExtractedArticle(url, title, publishTime, source, author, editor, breadcrumb, other.text, other.html, other.images,
                lang, nextPages, timePrecision, section, platform, titleTrail);
    }

    /** An image of the article body; {@code src} may be null for a caption whose image the page lost. */
    public record Image(String src, String caption) {}
}
