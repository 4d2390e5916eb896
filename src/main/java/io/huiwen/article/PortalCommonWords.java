package io.huiwen.article;

import io.huiwen.text.GenericWords;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which words the portal's own articles share so widely that they tell none apart, for
 * {@link GenericWords}: counted once an hour (and two minutes after start) over the newest
 * {@value #SAMPLE} stored articles' titles and bodies, each word once per article. A periodic
 * count of a bounded sample keeps storing an article free of any extra work; a young portal
 * (fewer than {@link GenericWords#MIN_CORPUS} articles) keeps the shipped list alone. Per node, like
 * the classifier; plain SQL, the same on H2 and PostgreSQL.
 */
@Component
public class PortalCommonWords {

    private static final Logger log = LoggerFactory.getLogger(PortalCommonWords.class);
    static final int SAMPLE = 2000;

    private final JdbcClient jdbc;

    PortalCommonWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts again and hands the frequent words to GenericWords; returns them. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 120_000)
    public Set<String> recount() {
        List<String> texts = jdbc.sql("SELECT title, body_text FROM article ORDER BY id DESC LIMIT ?").param(SAMPLE)
                .query((rs, i) -> rs.getString(1) + "\n" + (rs.getString(2) == null ? "" : rs.getString(2)))
                .list();
        Set<String> frequent = GenericWords.frequentIn(texts);
        GenericWords.useCorpus(frequent);
        log.info("words in more than {} of the newest {} articles, never tags: {}", GenericWords.MAX_SHARE, texts.size(), frequent.size());
        return frequent;
    }
}
