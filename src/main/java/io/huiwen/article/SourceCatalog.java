package io.huiwen.article;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and removing sources, with every setting checked at this edge: a bad URL,
 * an unknown category, an out-of-range interval or a broken pattern is refused with a message
 * that says which field and why, and nothing is written.
 */
@Service
public class SourceCatalog {

    static final int MIN_INTERVAL = 1;
    static final int MAX_INTERVAL = 10080;

    private final JdbcClient jdbc;
    private final SourceRepository sources;
    private final CategoryRepository categories;
    private final AuditLog audit;

    SourceCatalog(JdbcClient jdbc, SourceRepository sources, CategoryRepository categories, AuditLog audit) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.categories = categories;
        this.audit = audit;
    }

    /** Creates a source; {@code actor} (a user name, or {@code cli}) is recorded in the audit log with it. */
    @Transactional
    public Source create(String actor, Source.Settings s) {
        if (s.url() == null || s.url().isBlank()) {
            throw new Invalid("url is required", "请填写网址");
        }
        String url = checkedUrl(s.url());
        if (sources.findByUrl(url).isPresent()) {
            throw new Invalid("a source with url " + url + " exists already", "已有网址为 " + url + " 的来源");
        }
        Source.Type type = s.type() != null ? s.type() : guessType(url);
        String name = s.name() != null && !s.name().isBlank() ? s.name().strip() : URI.create(url).getHost();
        int interval = s.intervalMinutes() == null ? 30 : s.intervalMinutes();
        checkAll(s, interval);
        Long categoryId = categoryId(s.categorySlug());
        jdbc.sql("""
                INSERT INTO source (name, url, type, category_id, interval_minutes, current_interval_minutes, enabled, charset,
                    referer, needs_review, css_selector, include_pattern, exclude_pattern)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(name, url, type.code(), categoryId, interval, interval, s.enabled() == null || s.enabled(),
                blankToNull(s.charset()), blankToNull(s.referer()), s.needsReview() != null && s.needsReview(),
                blankToNull(s.cssSelector()), blankToNull(s.includePattern()), blankToNull(s.excludePattern())).update();
        Source created = sources.findByUrl(url).orElseThrow();
        audit.record(actor, "source.create", "source", created.id(), "添加来源 " + created.name(), null, described(created));
        return created;
    }

    /**
     * Changes what {@code s} sets; audited as {@code source.enable} or {@code source.disable} when
     * only the switch changes, else as {@code source.edit}.
     */
    @Transactional
    public Source update(String actor, long id, Source.Settings s) {
        Source current = sources.findById(id).orElseThrow(() -> new SourceNotFoundException(id));
        int interval = s.intervalMinutes() == null ? current.intervalMinutes() : s.intervalMinutes();
        checkAll(s, interval);
        if (s.name() != null && s.name().isBlank()) {
            throw new Invalid("name must not be blank", "请填写名称");
        }
        String url = s.url() == null ? null : checkedUrl(s.url());
        if (url != null && sources.findByUrl(url).filter(other -> other.id() != id).isPresent()) {
            throw new Invalid("a source with url " + url + " exists already", "已有网址为 " + url + " 的来源");
        }
        List<Object> values = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        assign(set, values, "name", s.name() == null ? null : s.name().strip());
        assign(set, values, "url", url);
        assign(set, values, "type", s.type() == null ? null : s.type().code());
        if (s.categorySlug() != null && s.categorySlug().isBlank()) {
            set.append(set.isEmpty() ? "" : ", ").append("category_id = NULL"); // a blank category clears it
        }
        assign(set, values, "category_id", s.categorySlug() == null ? null : categoryId(s.categorySlug()));
        if (s.intervalMinutes() != null) {
            assign(set, values, "interval_minutes", interval);
            assign(set, values, "current_interval_minutes", interval);
        }
        assign(set, values, "enabled", s.enabled());
        assign(set, values, "charset", s.charset());
        assign(set, values, "referer", s.referer());
        assign(set, values, "needs_review", s.needsReview());
        assign(set, values, "css_selector", s.cssSelector());
        assign(set, values, "include_pattern", s.includePattern());
        assign(set, values, "exclude_pattern", s.excludePattern());
        if (!set.isEmpty()) {
            values.add(id);
            jdbc.sql("UPDATE source SET " + set + " WHERE id = ?").params(values).update();
        }
        Source changed = sources.findById(id).orElseThrow();
        boolean onlySwitched = s.enabled() != null && s.equals(new Source.Settings(null, null, null, null, null, s.enabled(),
                null, null, null, null, null, null));
        String action = !onlySwitched ? "source.edit" : changed.enabled() ? "source.enable" : "source.disable";
        String summary = switch (action) {
            case "source.enable" -> "启用来源 " + changed.name();
            case "source.disable" -> "停用来源 " + changed.name();
            default -> "修改来源 " + changed.name();
        };
        audit.record(actor, action, "source", id, summary, described(current), described(changed));
        return changed;
    }

    @Transactional
    public void delete(String actor, long id) {
        Source current = sources.findById(id).orElseThrow(() -> new SourceNotFoundException(id));
        jdbc.sql("DELETE FROM source WHERE id = ?").param(id).update();
        audit.record(actor, "source.delete", "source", id, "删除来源 " + current.name(), described(current), null);
    }

    /** A source's settings as the audit log keeps them: one line an editor can compare. */
    static String described(Source s) {
        return "name=" + s.name() + ", url=" + s.url() + ", type=" + s.type().code() + ", category="
                + (s.category() == null ? "" : s.category().slug()) + ", interval_minutes=" + s.intervalMinutes()
                + ", enabled=" + s.enabled() + ", needs_review=" + s.needsReview()
                + (s.charset() == null ? "" : ", charset=" + s.charset()) + (s.referer() == null ? "" : ", referer=" + s.referer())
                + (s.cssSelector() == null ? "" : ", css_selector=" + s.cssSelector())
                + (s.includePattern() == null ? "" : ", include_pattern=" + s.includePattern())
                + (s.excludePattern() == null ? "" : ", exclude_pattern=" + s.excludePattern());
    }

    /**
     * A setting refused: the message (English) is what the API and the command line have always said;
     * {@link #chinese()} is what the admin pages show.
     */
    public static final class Invalid extends IllegalArgumentException {
        private final String chinese;

        public Invalid(String message, String chinese) {
            super(message);
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** A source id that does not exist. */
    public static final class SourceNotFoundException extends RuntimeException {
        public SourceNotFoundException(long id) {
            super("no source with id " + id);
        }
    }

    private static void assign(StringBuilder set, List<Object> values, String column, Object value) {
        if (value != null) {
            set.append(set.isEmpty() ? "" : ", ").append(column).append(" = ?");
            values.add(value instanceof String str && str.isBlank() ? null : value);
        }
    }

    private void checkAll(Source.Settings s, int interval) {
        if (interval < MIN_INTERVAL || interval > MAX_INTERVAL) {
            throw new Invalid("interval_minutes must be between " + MIN_INTERVAL + " and " + MAX_INTERVAL,
                    "抓取间隔须在 " + MIN_INTERVAL + " 到 " + MAX_INTERVAL + " 分钟之间");
        }
        if (s.name() != null && s.name().length() > 200) {
            throw new Invalid("name is longer than 200 characters", "名称不能超过 200 个字符");
        }
        if (s.charset() != null && !s.charset().isBlank()) {
            try {
                Charset.forName(s.charset().strip());
            } catch (RuntimeException e) {
                throw new Invalid("charset '" + s.charset() + "' is not known", "不认识的字符集：" + s.charset());
            }
        }
        if (s.referer() != null && !s.referer().isBlank()) {
            checkedUrl(s.referer());
        }
        checkPattern("include_pattern", s.includePattern());
        checkPattern("exclude_pattern", s.excludePattern());
        if (s.cssSelector() != null && !s.cssSelector().isBlank()) {
            try {
                org.jsoup.select.QueryParser.parse(s.cssSelector());
            } catch (RuntimeException e) {
                throw new Invalid("css_selector is not a valid selector: " + e.getMessage(), "CSS 选择器写得不对：" + s.cssSelector());
            }
        }
    }

    private static void checkPattern(String field, String pattern) {
        if (pattern != null && !pattern.isBlank()) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new Invalid(field + " is not a valid regular expression: " + e.getDescription(),
                        (field.startsWith("include") ? "包含" : "排除") + "规则不是有效的正则表达式：" + pattern);
            }
        }
    }

    private Long categoryId(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        try {
            return categories.require(slug.strip()).id();
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage(), "没有这个栏目：" + slug.strip());
        }
    }

    /** An absolute http(s) URL with a host, as a string; anything else is refused. */
    static String checkedUrl(String raw) {
        try {
            URI u = new URI(raw.strip());
            if (u.getScheme() == null || !u.getScheme().matches("(?i)https?") || u.getHost() == null || u.getUserInfo() != null) {
                throw new Invalid("url must be an absolute http or https URL: " + raw, "网址须是以 http:// 或 https:// 开头的完整网址：" + shown(raw));
            }
            if (raw.length() > 2048) {
                throw new Invalid("url is longer than 2048 characters", "网址不能超过 2048 个字符");
            }
            return u.normalize().toString();
        } catch (java.net.URISyntaxException e) {
            throw new Invalid("url is not a valid URL: " + raw, "网址格式不对：" + shown(raw));
        }
    }

    /** Without a type, the URL's shape decides: feed-like names are feeds, sitemap names sitemaps, a bare site a sitemap (found through robots.txt), the rest list pages. */
    static Source.Type guessType(String url) {
        String path = URI.create(url).getPath() == null ? "" : URI.create(url).getPath().toLowerCase(java.util.Locale.ROOT);
        if (path.contains("sitemap")) {
            return Source.Type.SITEMAP;
        }
        if (path.matches(".*(rss|atom|feed|\\.xml|\\.json).*")) {
            return Source.Type.FEED;
        }
        if (path.isEmpty() || path.equals("/")) {
            return Source.Type.SITEMAP;
        }
        return Source.Type.LIST;
    }

    private static String shown(String raw) {
        return raw.length() > 100 ? raw.substring(0, 100) + "…" : raw;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
