package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.article.CategoryRepository;
import io.huiwen.text.Folding;
import io.huiwen.text.Keywords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue #11: a tag, a search query and a category alias used to fold differently (only search knew 谿 → 溪). */
class FoldingAgreementTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"慈谿,慈溪", "機器人,机器人", "ＪＡＶＡ,java", "慈谿機器人,慈溪机器人"})
    void aTagASearchWordAndACategoryAliasFoldAlike(String written, String folded) {
        String tag = Folding.fold(Keywords.normalise(written)); // tags are compared folded
        String query = QuerySyntax.parse(written).words().get(0);
        String alias = CategoryRepository.crumbKey(written);
        assertThat(tag).isEqualTo(query).isEqualTo(alias).isEqualTo(folded);
    }
}
