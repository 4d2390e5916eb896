package io.huiwen.article;

import io.huiwen.extract.ExtractedArticle;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which category a new article goes in, and on whose word: the editor's (or the source's) choice,
 * else the page's breadcrumb, else the classifier's guess, which an editor confirms when unsure.
 */
@Component
class CategoryEvidence {

    /** Who chose an article's category (article.category_by). */
    static final String BY_EDITOR = "editor", BY_SOURCE = "source", BY_BREADCRUMB = "breadcrumb", BY_CLASSIFIER = "classifier";

    /** How an article got its category; {@code sure} is false when the classifier was unsure, and an editor decides. */
    record Choice(Category category, String by, boolean sure) {}

    private final CategoryRepository categories;
    private final CategoryGuesser guesser;

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
        Optional<Category> fromCrumbs = categories.forBreadcrumb(page.breadcrumb());
        if (fromCrumbs.isPresent()) {
            return new Choice(fromCrumbs.get(), BY_BREADCRUMB, true);
        }
        CategoryGuesser.Guess guess = guesser.guess(page.title(), page.text());
        return new Choice(guess.category(), BY_CLASSIFIER, guess.sure());
    }
}
