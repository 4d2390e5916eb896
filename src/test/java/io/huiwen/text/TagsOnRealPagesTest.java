package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractedArticle;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tags and excerpts of the twenty Chinese pages in the shared evaluation split (read from
 * {@code ../shared/eval/zh}, skipped when absent): how many articles get a tag that is a piece
 * of a longer word of their own text, how many a generic word, how many an excerpt that opens
 * with boilerplate. Prints each article's tags for a reader to judge too.
 */
class TagsOnRealPagesTest {

    private static final Path PAGES = Path.of("../shared/eval/zh/html");

    @Test
    void tagsAreWholeWordsAndNotGenericOnRealPages() throws Exception {
        assumeTrue(Files.isDirectory(PAGES), "the evaluation pages are not beside the checkout");
        ArticleExtractor extractor = new ArticleExtractor();
        List<String> withPieces = new ArrayList<>();
        List<String> withGeneric = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(PAGES)) {
            files = s.sorted().toList();
        }
        for (Path file : files) {
            ExtractedArticle a = extractor.extract(Files.readAllBytes(file), file.getFileName().toString(), null,
                    URI.create("http://example.invalid/"), Instant.now());
            Enrichment e = Enrichment.of(a.title(), a.text());
            String text = Folding.simplified(a.title() + "\n" + a.text());
            List<String> pieces = e.keywords().stream().filter(t -> WholeWords.pieceOfLongerWord(t, text)).toList();
            List<String> generic = e.keywords().stream().filter(GenericWords::isGeneric).toList();
            System.out.printf("%s\t%s\tpieces=%s generic=%s%n\t%s%n", file.getFileName(), e.keywords(), pieces, generic, e.excerpt());
            if (!pieces.isEmpty()) {
                withPieces.add(file.getFileName() + " " + pieces);
            }
            if (!generic.isEmpty()) {
                withGeneric.add(file.getFileName() + " " + generic);
            }
        }
        System.out.printf("TAGS pages=%d with_piece=%d with_generic=%d%n", files.size(), withPieces.size(), withGeneric.size());
        assertThat(withPieces).isEmpty();
        assertThat(withGeneric).isEmpty();
    }
}
