package io.huiwen.article;

import io.huiwen.extract.ExtractedArticle.Image;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Small lists kept as JSON text in one column (breadcrumb, images): read and written whole. */
final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonColumns() {}

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static List<String> strings(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {});
    }

    static List<Image> images(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, new TypeReference<List<Image>>() {});
    }
}
