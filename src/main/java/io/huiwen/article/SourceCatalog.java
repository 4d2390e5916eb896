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

    SourceCatalog(JdbcClient jdbc, SourceRepository sources, CategoryRepository categories) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.categories = categories;
    }

    @Transactional
    public Source create(Source.Settings s) {
        if (s.url() == null || s.url().isBlank()) {
            throw new IllegalArgumentException("url is required");
        }
        String url = checkedUrl(s.url());
        if (sources.findByUrl(url).isPresent()) {
            throw new IllegalArgumentException("a source with url " + url + " exists already");
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
        return sources.findByUrl(url).orElseThrow();
    }

    @Transactional
    public Source update(long id, Source.Settings s) {
        Source current = sources.findById(id).orElseThrow(() -> new SourceNotFoundException(id));
        int interval = s.intervalMinutes() == null ? current.intervalMinutes() : s.intervalMinutes();
        checkAll(s, interval);
        List<Object> values = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        assign(set, values, "name", s.name() == null ? null : s.name().strip());
        assign(set, values, "url", s.url() == null ? null : checkedUrl(s.url()));
        assign(set, values, "type", s.type() == null ? null : s.type().code());
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
        if (!values.isEmpty()) {
            values.add(id);
            jdbc.sql("UPDATE source SET " + set + " WHERE id = ?").params(values).update();
        }
        return sources.findById(id).orElseThrow();
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("DELETE FROM source WHERE id = ?").param(id).update() == 0) {
            throw new SourceNotFoundException(id);
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
            throw new IllegalArgumentException("interval_minutes must be between " + MIN_INTERVAL + " and " + MAX_INTERVAL);
        }
        if (s.name() != null && s.name().length() > 200) {
            throw new IllegalArgumentException("name is longer than 200 characters");
        }
        if (s.charset() != null && !s.charset().isBlank()) {
            try {
                Charset.forName(s.charset().strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("charset '" + s.charset() + "' is not known");
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
                throw new IllegalArgumentException("css_selector is not a valid selector: " + e.getMessage());
            }
        }
    }

    private static void checkPattern(String field, String pattern) {
        if (pattern != null && !pattern.isBlank()) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(field + " is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    private Long categoryId(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        return categories.require(slug.strip()).id();
    }

    /** An absolute http(s) URL with a host, as a string; anything else is refused. */
    static String checkedUrl(String raw) {
        try {
            URI u = new URI(raw.strip());
            if (u.getScheme() == null || !u.getScheme().matches("(?i)https?") || u.getHost() == null || u.getUserInfo() != null) {
                throw new IllegalArgumentException("url must be an absolute http or https URL: " + raw);
            }
            if (raw.length() > 2048) {
                throw new IllegalArgumentException("url is longer than 2048 characters");
            }
            return u.normalize().toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL: " + raw);
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
