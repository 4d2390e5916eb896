package io.huiwen.article;

import io.huiwen.extract.ExtractedArticle;
import io.huiwen.text.CategoryLexicon;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which category a new article goes in, and on whose word. An editor's or the source's choice
 * decides alone. Otherwise the evidence is weighed as an editor would ({@link CategoryTally}):
 * the page's breadcrumb and its own section name ({@code articleSection}, a column), the channel
 * its address, its outlet line or its {@code <title>} names ({@code tech.}, {@code /world/},
 * 标题_财经_腾讯网), its words read with the shipped section
 * lexicons, and the classifier trained on real labelled articles. Evidence that agrees makes a
 * sure choice; a lone weak signal or a disagreement is a suggestion an editor confirms.
 */
@Component
class CategoryEvidence {

    /** Who chose an article's category (article.category_by): the strongest witness for it. */
    static final String BY_EDITOR = "editor", BY_SOURCE = "source", BY_BREADCRUMB = "breadcrumb", BY_SECTION = "section",
            BY_CHANNEL = "channel", BY_LEXICON = "lexicon", BY_CLASSIFIER = "classifier";

    /** How an article got its category; {@code sure} is false when the evidence was weak or split, and an editor decides. */
    record Choice(Category category, String by, boolean sure) {}

    private static final Pattern OUTLET_PARTS = Pattern.compile("\\s*[-—–·|｜/]\\s*");
    private static final int MAX_OUTLET_CHARS = 30;

    private final CategoryRepository categories;
    private final CategoryGuesser guesser;
    private final UrlChannel channels = UrlChannel.shipped();
    private final CategoryLexicon lexicon = CategoryLexicon.shipped();

    CategoryEvidence(CategoryRepository categories, CategoryGuesser guesser) {
        this.categories = categories;
        this.guesser = guesser;
    }

    /**
     * @param categorySlug the editor's or the source's choice, or null (blank) for none
     * @param fromSource   whether the choice is a source's default rather than an editor's
     * @throws IllegalArgumentException when there is no category with that slug
     */
    Choice choose(ExtractedArticle page, String categorySlug, boolean fromSource) {
        if (categorySlug != null && !categorySlug.isBlank()) {
            return new Choice(categories.require(categorySlug), fromSource ? BY_SOURCE : BY_EDITOR, true);
        }
        CategoryTally.Verdict verdict = weigh(page);
        Category chosen = verdict.slug() == null ? null : categories.knownBySlug(verdict.slug()).orElse(null);
        return new Choice(chosen, chosen == null ? BY_CLASSIFIER : verdict.by(), chosen != null && verdict.sure());
    }

    /** Every signal the page gives, the page's own filing first (it wins ties). */
    CategoryTally.Verdict weigh(ExtractedArticle page) {
        List<String> slugs = categories.known().all().stream().map(Category::slug).toList();
        CategoryTally tally = new CategoryTally();
        tally.add(slug(categories.forBreadcrumb(page.breadcrumb())), BY_BREADCRUMB, CategoryTally.PAGE_FILED);
        tally.add(slug(categories.forSection(page.section())), BY_SECTION, CategoryTally.PAGE_FILED);
        // the address, the outlet line and the <title> name the same filing: each channel counts once
        Set<String> named = new LinkedHashSet<>();
        named.add(channels.channel(page.url(), slugs).orElse(null));
        named.add(slug(outletChannel(page.source())));
        named.add(slug(titleChannel(page.titleTrail())));
        named.forEach(slug -> tally.add(slug, BY_CHANNEL, CategoryTally.CHANNEL));
        CategoryLexicon.Reading words = lexicon.read(page.title(), page.text());
        if (words.category() != null && slugs.contains(words.category())) {
            tally.add(words.category(), BY_LEXICON,
                    words.strength() == CategoryLexicon.Strength.SURE ? CategoryTally.WORDS_SURE : CategoryTally.LEANING);
        }
        CategoryGuesser.Guess guess = guesser.guess(page.title(), page.text());
        if (guess.category() != null) {
            tally.add(guess.category().slug(), BY_CLASSIFIER,
                    guess.sure() ? CategoryTally.CLASSIFIER_SURE : guess.leaning() ? CategoryTally.LEANING : 0);
        }
        return tally.verdict();
    }

    /** An outlet line that names its channel, 人民网-文化频道 or 新华网｜国际: the channel part read as a crumb. */
    private Optional<Category> outletChannel(String source) {
        if (source == null || source.length() > MAX_OUTLET_CHARS) {
            return Optional.empty();
        }
        List<String> parts = List.of(OUTLET_PARTS.split(source.strip()));
        return parts.size() < 2 ? Optional.empty() : categories.forBreadcrumb(parts);
    }

    /** The first channel the {@code <title>}'s trail names after the headline (标题|辟谣_新浪财经_新浪网 → 新浪财经), the last part being the site's. */
    private Optional<Category> titleChannel(List<String> trail) {
        for (int i = 0; i < trail.size(); i++) {
            Optional<Category> c = categories.forChannelName(trail.get(i), i == trail.size() - 1);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static String slug(Optional<Category> c) {
        return c.map(Category::slug).orElse(null);
    }
}
