package io.huiwen.ingest;

import io.huiwen.article.DemoPictures;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo articles (original fictional news written for Huiwen, in the page-dump format)
 * through ingest, as an import would, when the database is empty, once: a flag remembers it, so
 * deleting the demo articles does not bring them back. Dates are shifted together so the newest
 * demo article is an hour old and the portal looks current.
 */
@Component
@ConditionalOnBooleanProperty(name = "huiwen.demo-content", matchIfMissing = true)
@Order(DemoContent.ORDER) // before the index catches up and readers are let in
class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    static final String FLAG = "demo_content_loaded";
    public static final int ORDER = 0;
    static final String LOCATION = "classpath:demo/articles/*.txt";

    private final JdbcClient jdbc;
    private final Ingest ingest;
    private final Clock clock;

    DemoContent(JdbcClient jdbc, Ingest ingest, Clock clock) {
        this.jdbc = jdbc;
        this.ingest = ingest;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean loaded = jdbc.sql("SELECT COUNT(*) FROM app_setting WHERE name = ?").param(FLAG).query(Long.class).single() > 0;
        boolean empty = jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single() == 0;
        if (loaded || !empty) {
            return;
        }
        List<ExtractedArticle> pages = read();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration shift = pages.stream().map(ExtractedArticle::publishTime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).map(newest -> Duration.between(newest, now.minusHours(1))).orElse(Duration.ZERO);
        int stored = 0;
        for (ExtractedArticle page : pages) {
            stored += ingest.given(pictured(shifted(page, shift)), now).duplicate() ? 0 : 1;
        }
        jdbc.sql("INSERT INTO app_setting (name, setting_value) VALUES (?, ?)").params(FLAG, now.toString()).update();
        log.info("loaded {} demo articles", stored);
    }

    private static List<ExtractedArticle> read() {
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
