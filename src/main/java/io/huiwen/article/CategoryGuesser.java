package io.huiwen.article;

import io.huiwen.HuiwenProperties;
import io.huiwen.text.CategoryClassifier;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One witness to an article's category (see CategoryEvidence): a classifier trained on real,
 * correctly labelled articles — those whose category an editor or a source gave, or the page's
 * own filing (breadcrumb, section, channel) made sure — never on guesses from words (its own or
 * the lexicon's), which would only teach it its mistakes, and never on the demo articles, fiction
 * written for the portal that came with no source and no address. Trained on first use and again when that corpus has grown by a tenth; the
 * newest {@value #PER_CATEGORY} articles of each category are the examples, so one busy section
 * does not drown the others.
 */
@Component
public class CategoryGuesser {

    private static final Logger log = LoggerFactory.getLogger(CategoryGuesser.class);
    static final int PER_CATEGORY = 1000;
    private static final String CHECK_INTERVAL = "#{@'" + HuiwenProperties.BEAN + "'.classifier().checkInterval().toMillis()}";

    /**
     * The category the text most likely belongs to (null when nothing was learnt), how likely,
     * whether that is sure, and whether it leans there at all: learnt from a few examples of that
     * category and more likely than not.
     */
    public record Guess(Category category, double confidence, boolean sure, boolean leaning) {}

    static final double LEANING = 0.6;

    private record Model(CategoryClassifier classifier, long trainedOn) {}

    /**
     * Articles whose category is evidence (alias {@code a}): published, not a guess from words, and
     * with a provenance (a source or an address) unless an editor chose the category.
     */
    static final String EVIDENCE = "a.category_id IS NOT NULL AND a.status = " + ArticleState.PUBLISHED.literal() + " "
            + "AND (a.category_by IS NULL OR a.category_by IN ('editor', 'source', 'breadcrumb', 'section', 'channel')) "
            + "AND (a.source_id IS NOT NULL OR a.source_url IS NOT NULL OR a.category_by = 'editor')";

    private final JdbcClient jdbc;
    private final CategoryRepository categories;
    private volatile Model model;

    CategoryGuesser(JdbcClient jdbc, CategoryRepository categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    public Guess guess(String title, String text) {
        Model m = model;
        if (m == null) {
            retrain();
            m = model;
        }
        CategoryClassifier.Prediction p = m.classifier().predict(title, text);
        Optional<Category> category = p.category() == null ? Optional.empty() : categories.findBySlug(p.category());
        boolean learnt = category.isPresent()
                && m.classifier().examplesPerCategory().getOrDefault(p.category(), 0) >= CategoryClassifier.MIN_EXAMPLES;
        return new Guess(category.orElse(null), p.confidence(), p.isSure() && category.isPresent(),
                learnt && p.confidence() >= LEANING && p.coverage() >= CategoryClassifier.MIN_COVERAGE);
    }

    /** Trains again when the categorised corpus grew by a tenth (or 20 articles) since the last training. */
    @Scheduled(fixedDelayString = CHECK_INTERVAL, initialDelayString = CHECK_INTERVAL)
    public void retrainIfGrown() {
        Model m = model;
        long now = evidenceCount();
        if (m == null || now - m.trainedOn() >= Math.max(20, m.trainedOn() / 10)) {
            retrain();
        }
    }

    /**
     * Trains a new classifier from the corpus as it is now; the old one answers until it is done.
     * Not synchronized: a store transaction calls this holding its connection, and a lock here
     * would let it wait for a thread that waits for a connection. Two trainings at once are
     * only work done twice; the last one wins.
     */
    public void retrain() {
        long count = evidenceCount();
        List<CategoryClassifier.Example> examples = jdbc.sql("""
                SELECT title, body_text, slug FROM (
                    SELECT a.title, a.body_text, c.slug,
                           ROW_NUMBER() OVER (PARTITION BY a.category_id ORDER BY a.id DESC) AS n
                    FROM article a JOIN category c ON c.id = a.category_id
                    WHERE %s) t
                WHERE n <= ?""".formatted(EVIDENCE))
                .param(PER_CATEGORY)
                .query((rs, i) -> new CategoryClassifier.Example(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        Model m = new Model(CategoryClassifier.train(examples), count);
        model = m;
        log.info("category classifier trained on {} articles: {}", examples.size(), m.classifier().examplesPerCategory());
    }

    private long evidenceCount() {
        return jdbc.sql("SELECT COUNT(*) FROM article a WHERE " + EVIDENCE).query(Long.class).single();
    }
}
