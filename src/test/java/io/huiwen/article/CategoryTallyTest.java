package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the signals for a category add up: agreement is sure, a lone weak signal or a dispute is a suggestion. */
class CategoryTallyTest {

    @Test
    void thePagesOwnFilingAloneIsSure() {
        var v = new CategoryTally().add("caijing", "breadcrumb", CategoryTally.PAGE_FILED).verdict();
        assertThat(v.slug()).isEqualTo("caijing");
        assertThat(v.sure()).isTrue();
    }

    @Test
    void aLoneChannelOrLeaningIsASuggestion() {
        assertThat(new CategoryTally().add("tiyu", "channel", CategoryTally.CHANNEL).verdict().sure()).isFalse();
        assertThat(new CategoryTally().add("tiyu", "lexicon", CategoryTally.LEANING).verdict().sure()).isFalse();
    }

    @Test
    void aChannelAndTheWordsAgreeingAreSureAndNameTheStrongerWitness() {
        var v = new CategoryTally().add("keji", "channel", CategoryTally.CHANNEL).add("keji", "lexicon", CategoryTally.LEANING).verdict();
        assertThat(v.sure()).isTrue();
        assertThat(v.by()).isEqualTo("channel");
    }

    @Test
    void disagreementIsASuggestionOfTheHeavierSideAndTiesGoToThePagesFiling() {
        var v = new CategoryTally().add("caijing", "breadcrumb", CategoryTally.PAGE_FILED)
                .add("tiyu", "channel", CategoryTally.CHANNEL).add("tiyu", "lexicon", CategoryTally.WORDS_SURE).verdict();
        assertThat(v.slug()).as("a tie").isEqualTo("caijing");
        assertThat(v.sure()).isFalse();
        var filed = new CategoryTally().add("keji", "breadcrumb", CategoryTally.PAGE_FILED)
                .add("tiyu", "lexicon", CategoryTally.WORDS_SURE).verdict();
        assertThat(filed.slug()).isEqualTo("keji");
        assertThat(filed.sure()).as("words alone do not overrule the outlet's own filing").isTrue();
        var heavier = new CategoryTally().add("caijing", "channel", CategoryTally.CHANNEL)
                .add("tiyu", "lexicon", CategoryTally.WORDS_SURE).verdict();
        assertThat(heavier.slug()).isEqualTo("tiyu");
        assertThat(heavier.sure()).isFalse();
        var outvoted = new CategoryTally().add("shehui", "breadcrumb", CategoryTally.PAGE_FILED)
                .add("caijing", "lexicon", CategoryTally.LEANING).verdict();
        assertThat(outvoted.sure()).as("a mere leaning against the page's filing is no dispute").isTrue();
    }

    @Test
    void noEvidenceIsNoCategory() {
        var v = new CategoryTally().add(null, "channel", CategoryTally.CHANNEL).add("keji", "classifier", 0).verdict();
        assertThat(v.slug()).isNull();
        assertThat(v.sure()).isFalse();
    }
}
