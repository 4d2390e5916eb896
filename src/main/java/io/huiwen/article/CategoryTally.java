package io.huiwen.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighs the signals for an article's category the way an editor would: the page filing itself
 * (breadcrumb, its own section name) counts most — the outlet's editors chose it, and words alone
 * do not overrule them —, a channel in its address less, its words (lexicon, classifier) by how
 * clearly they point. A category is sure when its signals add up to {@value #SURE} and lead every
 * other category's by {@value #LEAD}; anything less (a lone channel, a leaning of the words,
 * signals that disagree) is a suggestion an editor confirms.
 */
final class CategoryTally {

    /** Weights of the kinds of evidence. */
    static final int PAGE_FILED = 5, CHANNEL = 2, WORDS_SURE = 3, CLASSIFIER_SURE = 2, LEANING = 1;
    static final int SURE = 3, LEAD = 2;

    /** One piece of evidence: the category's slug, who says so (article.category_by) and how much it weighs. */
    record Signal(String slug, String by, int weight) {}

    /** The outcome: the slug (null when nothing pointed anywhere), the strongest witness for it, and whether it is sure. */
    record Verdict(String slug, String by, boolean sure, List<Signal> signals) {}

    private final List<Signal> signals = new ArrayList<>();

    CategoryTally add(String slug, String by, int weight) {
        if (slug != null && weight > 0) {
            signals.add(new Signal(slug, by, weight));
        }
        return this;
    }

    /** Ties go to the category whose first signal came first: callers add the page's own filing first. */
    Verdict verdict() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (Signal s : signals) {
            totals.merge(s.slug(), s.weight(), Integer::sum);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : totals.entrySet()) {
            best = best == null || e.getValue() > totals.get(best) ? e.getKey() : best;
        }
        if (best == null) {
            return new Verdict(null, null, false, List.copyOf(signals));
        }
        String chosen = best;
        int against = totals.entrySet().stream().filter(e -> !e.getKey().equals(chosen)).mapToInt(Map.Entry::getValue).max().orElse(0);
        Signal witness = signals.stream().filter(s -> s.slug().equals(chosen))
                .reduce((a, b) -> b.weight() > a.weight() ? b : a).orElseThrow();
        return new Verdict(chosen, witness.by(), totals.get(chosen) >= SURE && totals.get(chosen) - against >= LEAD, List.copyOf(signals));
    }
}
