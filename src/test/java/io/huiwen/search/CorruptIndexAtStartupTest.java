package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** An index directory whose files are garbage does not keep the portal from starting: it is moved aside and rebuilt. */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h", "huiwen.search.sync-interval=1h"})
@AutoConfigureMockMvc
class CorruptIndexAtStartupTest {

    static final Path DATA = corruptIndex();

    static Path corruptIndex() {
        Path data = TestDataDir.create("corrupt-index");
        try {
            Files.createDirectories(data.resolve("index"));
            Files.writeString(data.resolve("index/segments_2"), "not a Lucene commit: the disk filled up while it was written");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired IndexSync sync;

    @Test
    void theBrokenIndexIsMovedAsideAndRebuiltFromTheDatabase() throws Exception {
        sync.drain(); // the first drain (this one, or the scheduled one at startup) rebuilds the empty index
        String html = mvc.perform(get("/search?q=马拉松")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<em>马拉松</em>");
        try (var dirs = Files.list(DATA)) {
            Path aside = dirs.filter(p -> p.getFileName().toString().startsWith("index.broken-")).findFirst().orElseThrow();
            assertThat(aside.resolve("segments_2")).exists();
        }
    }
}
