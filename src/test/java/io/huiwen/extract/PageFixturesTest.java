package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every page under src/test/resources/pages with a {@code name.expected.json} beside it, compared field by field. */
class PageFixturesTest {
    static final Path PAGES = Path.of("src/test/resources/pages");
    static final URI BASE = URI.create("https://www.example.com/news/2024/story.html");
    static final Instant FETCHED = Instant.parse("2026-11-21T02:00:00Z");

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(PAGES)) {
            return files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    @SuppressWarnings("unchecked")
    void pageMatchesItsExpectedJson(Path expectedFile) throws Exception {
        Map<String, Object> expected = (Map<String, Object>) JsonText.parse(Files.readString(expectedFile, StandardCharsets.UTF_8));
        assertThat(expected).as("expected JSON parses").isNotNull();
        Path page = input(expectedFile);
        ExtractedArticle a = new ArticleExtractor().extract(Files.readAllBytes(page), page.toString(), null, BASE, FETCHED);

        assertField(expected, "title", a.title());
        assertField(expected, "publish_time", a.publishTime() == null ? null : a.publishTime().toString());
        assertField(expected, "source", a.source());
        assertField(expected, "author", a.author());
        assertField(expected, "editor", a.editor());
        assertField(expected, "platform", a.platform());
        assertField(expected, "time_precision", a.timePrecision() == null ? null : a.timePrecision().name());
        if (expected.containsKey("text_excludes")) {
            for (Object line : (List<Object>) expected.get("text_excludes")) {
                assertThat(a.text()).as("text leaves out").doesNotContain((String) line);
            }
        }
        if (expected.containsKey("captions")) {
            assertThat(a.images()).extracting(ExtractedArticle.Image::caption).as("captions")
                    .containsAll((List<String>) expected.get("captions"));
        }
        assertField(expected, "lang", a.lang());
        assertField(expected, "text", a.text());
        assertField(expected, "html", a.html());
        if (expected.containsKey("breadcrumb")) {
            assertThat(a.breadcrumb()).as("breadcrumb").isEqualTo(expected.get("breadcrumb"));
        }
        if (expected.containsKey("images")) {
            List<List<String>> images = new ArrayList<>();
            for (Object o : (List<Object>) expected.get("images")) {
                Map<String, Object> m = (Map<String, Object>) o;
                images.add(java.util.Arrays.asList((String) m.get("src"), (String) m.get("caption")));
            }
            assertThat(a.images()).extracting(i -> java.util.Arrays.asList(i.src(), i.caption()))
                    .as("images").containsExactlyElementsOf(images);
        }
    }

    private static void assertField(Map<String, Object> expected, String field, String actual) {
        if (expected.containsKey(field)) {
            assertThat(actual).as(field).isEqualTo(expected.get(field));
        }
    }

    private static Path input(Path expectedFile) {
        String base = expectedFile.getFileName().toString().replace(".expected.json", "");
        for (String ext : List.of(".html", ".txt", ".html.gz")) {
            Path p = expectedFile.resolveSibling(base + ext);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new AssertionError("no page for " + expectedFile);
    }
}
