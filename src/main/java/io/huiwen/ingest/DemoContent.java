package io.huiwen.ingest;

import io.huiwen.HuiwenProperties;
import io.huiwen.article.ArticleStore.Prepared;
import io.huiwen.article.DemoPictures;
import io.huiwen.article.StartupWrites;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.extract.ExtractedArticle.Image;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import io.huiwen.extract.ExtractionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo articles (original fictional news written for Huiwen, in the page-dump format)
 * through ingest, as an import would, when the database is empty, once: a flag remembers it, so
 * deleting the demo articles does not bring them back. Dates are shifted together so the newest
 * demo article is an hour old and the portal looks current.
 *
 * <p>The work (reading them, the category's evidence, storing them in one transaction with the
 * flag) starts on a thread of its own as soon as this bean is made, when the schema is in place,
 * while Spring builds the rest of the portal (the security chain, the actuator, the MVC mappings);
 * the runner, before the index catches up and readers are let in, only waits for it, so a start
 * whose demo articles fail to load still fails. A fresh portal so shows its first page with
 * articles sooner. Their enrichment, the HanLP part of that work, is made by the build
 * ({@link DemoEnrichments}) and only read here.
 */
@Component
@Order(DemoContent.ORDER) // before the index catches up and readers are let in
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    static final String FLAG = "demo_content_loaded";
    public static final int ORDER = 0;
    static final String LOCATION = "classpath:demo/articles/*.txt";

    private final JdbcClient jdbc;
    private final Ingest ingest;
    private final TransactionOperations transactions;
    private final OffsetDateTime now;
    /** How many demo articles were stored (0 when another node stored them first), or null when there is nothing to load. */
    private final CompletableFuture<Long> loading;

    /**
     * With {@code huiwen.demo-content=false} the bean exists and does nothing: the setting is read
     * here, at start, not by a condition, so the build's ahead-of-time bean definitions honour it.
     */
    DemoContent(JdbcClient jdbc, Ingest ingest, PlatformTransactionManager transactions, StartupWrites startupWrites, Clock clock,
                HuiwenProperties properties) {
        this.jdbc = jdbc;
        this.ingest = ingest;
        this.transactions = new TransactionTemplate(transactions);
        this.now = OffsetDateTime.now(clock);
        this.loading = properties.demoContent() && wanted() ? inBackground(this::load) : null;
        if (loading != null) {
            startupWrites.add(loading); // the index catches up as soon as they are stored
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (loading == null) {
            return;
        }
        long stored;
        try {
            stored = loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (stored > 0) {
            log.info("loaded {} demo articles", stored);
        }
    }

    /** Prepares them, then stores them with the flag in one transaction, unless meanwhile the portal got articles. */
    private long load() {
        List<Prepared> pages = prepare();
        Long stored = transactions.execute(tx -> {
            if (!wanted()) {
                return 0L;
            }
            long n = ingest.storeGiven(pages, now).stream().filter(s -> !s.duplicate()).count();
            jdbc.sql("INSERT INTO app_setting (name, setting_value) VALUES (?, ?)").params(FLAG, now.toString()).update();
            return n;
        });
        return stored == null ? 0 : stored;
    }

    /** Neither loaded before (the flag) nor an article stored: a fresh portal. */
    private boolean wanted() {
        boolean loaded = jdbc.sql("SELECT COUNT(*) FROM app_setting WHERE name = ?").param(FLAG).query(Long.class).single() > 0;
        boolean empty = jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single() == 0;
        return !loaded && empty;
    }

    private List<Prepared> prepare() {
        List<ExtractedArticle> pages = read();
        Duration shift = pages.stream().map(ExtractedArticle::publishTime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).map(newest -> Duration.between(newest, now.minusHours(1))).orElse(Duration.ZERO);
        DemoEnrichments enrichments = DemoEnrichments.shipped();
        return pages.stream().map(page -> ingest.prepareGiven(pictured(shifted(page, shift)), enrichments.of(page.title(), page.text()))).toList();
    }

    /** A daemon thread: a start that fails meanwhile is not held up by it. */
    private static <T> CompletableFuture<T> inBackground(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "demo-content");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    static List<ExtractedArticle> read() {
        PageReader reader = new PageReader();
        List<ExtractedArticle> pages = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try {
                    pages.add(reader.read(file.getContentAsByteArray(), file.getFilename(), null));
                } catch (ExtractionException e) {
                    log.warn("demo article {} skipped: {}", file.getFilename(), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo articles", e);
        }
        return pages;
    }

    /**
     * Gives each figure of a demo article its picture, made for the project (see {@link DemoPictures}):
     * the figures' images had no source (the demo pages are text), now each has a drawn one.
     */
    static ExtractedArticle pictured(ExtractedArticle p) {
        List<Image> images = new ArrayList<>(p.images());
        Document body = Jsoup.parseBodyFragment(p.html());
        body.outputSettings().prettyPrint(false);
        int next = 0;
        for (Element figure : body.select("figure")) {
            if (figure.selectFirst("img") != null) {
                continue;
            }
            while (next < images.size() && images.get(next).src() != null) {
                next++;
            }
            if (next >= images.size()) {
                break;
            }
            Image image = images.get(next);
            String src = DemoPictures.address(next);
            images.set(next, new Image(src, image.caption()));
            figure.prependElement("img").attr("src", src).attr("alt", image.caption() == null ? "" : image.caption());
            next++;
        }
        return new ExtractedArticle(p.url(), p.title(), p.publishTime(), p.source(), p.author(), p.editor(), p.breadcrumb(), p.text(),
                body.body().html(), images, p.lang(), p.nextPages());
    }

    private static ExtractedArticle shifted(ExtractedArticle p, Duration shift) {
        return p.withPublishTime(p.publishTime() == null ? null : p.publishTime().plus(shift), p.timePrecision());
    }
}
