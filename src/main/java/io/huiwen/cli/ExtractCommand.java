package io.huiwen.cli;

import io.huiwen.collect.CollectProperties;
import io.huiwen.collect.FetchFailure;
import io.huiwen.collect.FetchRequest;
import io.huiwen.collect.PoliteFetcher;
import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.extract.ExtractionException;
import io.huiwen.text.Enrichment;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code extract FILE|URL...}: prints the extracted article of each input as JSON (the fields
 * of INTERFACES.md). A failing input prints an object with {@code error}, the others still go
 * through, and the exit status is then 1. Needs no database.
 */
final class ExtractCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private PoliteFetcher fetcher;

    ExtractCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Invocation inv) {
        if (inv.operands().isEmpty()) {
            err.println("huiwen extract: give at least one FILE or URL");
            return 2;
        }
        if (inv.flag("timing")) {
            return new ExtractTiming(extractor, out, err).run(inv.operands());
        }
        boolean jsonl = inv.flag("jsonl");
        if (inv.operands().stream().anyMatch(ExtractCommand::isUrl)) {
            fetcher = fetcher(inv);
        }
        JsonMapper json = JsonMapper.builder().configure(SerializationFeature.INDENT_OUTPUT, !jsonl).build();
        URI baseUrl = inv.option("base-url") == null ? null : URI.create(inv.option("base-url"));
        int status = 0;
        for (String input : inv.operands()) {
            Map<String, Object> result = isUrl(input) ? fromUrl(input) : fromFile(input, baseUrl);
            if (result.containsKey("error")) {
                status = 1;
            }
            out.println(json.writeValueAsString(result));
        }
        out.flush();
        return status;
    }

    private Map<String, Object> fromFile(String input, URI baseUrl) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", input);
        try {
            byte[] bytes = InputFile.read(Path.of(input));
            return describe(result, extractor.extract(bytes, input, null, baseUrl, Instant.now()));
        } catch (InputFile.UnreadableException | ExtractionException e) {
            result.put("error", e.getMessage());
            err.println("huiwen extract: " + input + ": " + e.getMessage());
            return result;
        }
    }

    private Map<String, Object> fromUrl(String input) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("url", input);
        try {
            var page = fetcher.fetch(FetchRequest.of(URI.create(input)));
            ExtractedArticle article = extractor.extract(page.body(), input, page.contentType(), page.url(), page.fetchedAt());
            describe(result, article);
            if (article.url() == null) {
                result.put("url", page.url().toString());
            }
            return result;
        } catch (FetchFailure e) {
            result.put("error", e.reason().code() + ": " + e.getMessage());
            err.println("huiwen extract: " + input + ": " + e.getMessage());
            return result;
        } catch (ExtractionException | IllegalArgumentException e) {
            result.put("error", e.getMessage());
            err.println("huiwen extract: " + input + ": " + e.getMessage());
            return result;
        }
    }

    /** URLs are fetched as the collector fetches: robots.txt, address guard, size and time limits. */
    private static PoliteFetcher fetcher(Invocation inv) {
        var props = CollectProperties.defaults().withPrivateHosts("true".equalsIgnoreCase(inv.option("huiwen.collect.allow-private-hosts")));
        String site = inv.option("huiwen.site-url") != null ? inv.option("huiwen.site-url")
                : "http://localhost:" + (inv.option("server.port") != null ? inv.option("server.port") : "8080");
        return new PoliteFetcher(props, "Huiwen/" + Version.current() + " (+" + site + ")", null, java.time.Clock.systemUTC());
    }

    /** The INTERFACES.md fields in their order; unknown values stay null. */
    static Map<String, Object> describe(Map<String, Object> m, ExtractedArticle a) {
        Enrichment e = Enrichment.of(a.title(), a.text());
        if (a.url() != null) {
            m.put("url", a.url());
        }
        m.put("title", a.title());
        m.put("publish_time", a.publishTime() == null ? null : a.publishTime().toString());
        m.put("source", a.source());
        m.put("author", a.author());
        m.put("editor", a.editor());
        m.put("platform", a.platform());
        m.put("time_precision", a.timePrecision() == null ? null : a.timePrecision().name());
        m.put("breadcrumb", a.breadcrumb());
        m.put("text", a.text());
        m.put("html", a.html());
        m.put("images", a.images());
        m.put("excerpt", e.excerpt());
        m.put("keywords", e.keywords());
        m.put("lang", a.lang());
        m.put("next_pages", a.nextPages());
        m.put("error", null);
        m.remove("error");
        return m;
    }

    private static boolean isUrl(String s) {
        return s.startsWith("http://") || s.startsWith("https://");
    }
}
