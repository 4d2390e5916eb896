package io.huiwen.article;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An editor's correction of an article: each field given replaces the stored one, each null one
 * stays. Validation is {@link ArticleCorrections}'; the messages are the admin's, in 简体中文.
 *
 * @param category a category slug
 * @param bodyHtml body HTML as the editor wrote it; it goes through the body sanitizer
 */
public record ArticleEdit(String title, String category, List<String> tags, String excerpt, String bodyHtml,
                          OffsetDateTime publishedAt) {

    /** Longest title, excerpt, tag and body an editor may give; tags as the column holds them. */
    public static final int MAX_TITLE = 300, MAX_EXCERPT = 1000, MAX_TAG = 64, MAX_TAGS = 20, MAX_BODY = 1_000_000;

    /** The fields as they are named in the API, the edit form and {@code article.edited_fields}. */
    public static final String TITLE = "title", CATEGORY = "category", TAGS = "tags", EXCERPT = "excerpt", BODY = "body_html",
            PUBLISHED_AT = "published_at";

    /** Where the newsroom is: a date and time given without a zone (the edit form's) is Beijing time. */
    public static final ZoneId NEWSROOM = ZoneId.of("Asia/Shanghai");

    /** One or more problems with an edit, each a sentence an editor reads; nothing was stored. */
    public static final class Rejected extends IllegalArgumentException {
        private final List<String> problems;

        public Rejected(List<String> problems) {
            super(String.join("；", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public boolean isEmpty() {
        return title == null && category == null && tags == null && excerpt == null && bodyHtml == null && publishedAt == null;
    }

    /** An ISO-8601 time with its offset ({@code 2026-11-20T08:30:00+08:00}), as the API takes it. */
    public static OffsetDateTime isoTime(String value) {
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Rejected(List.of("发布时间格式不对：“" + clip(value) + "”，应为带时区的 ISO-8601 时间，如 2026-11-20T08:30:00+08:00"));
        }
    }

    /** A date and time in Beijing time ({@code 2026-11-20T08:30}), as the edit form's field sends it. */
    public static OffsetDateTime localTime(String value) {
        try {
            return LocalDateTime.parse(value.strip()).atZone(NEWSROOM).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new Rejected(List.of("发布时间格式不对：“" + clip(value) + "”，应为 2026-11-20T08:30 这样的日期和时间（北京时间）"));
        }
    }

    /** Tags as an editor types them in one field: separated by commas (either width), 、, semicolons or line ends. */
    public static List<String> tagsOf(String typed) {
        return typed == null ? List.of() : List.of(typed.split("[,，、;；\\n]+")).stream().map(String::strip).filter(t -> !t.isBlank()).toList();
    }

    static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
