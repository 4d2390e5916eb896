package io.huiwen.api;

import io.huiwen.article.EditorialDesk;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Editors decide an article's category and publish what waits for review (admin only). */
@RestController
@RequestMapping("/api/v1/articles/{id}")
class EditorApi {

    private final EditorialDesk desk;

    EditorApi(EditorialDesk desk) {
        this.desk = desk;
    }

    /** The JSON body of both calls: a category slug (optional when publishing). */
    record CategoryChoice(String category) {}

    @PostMapping("/category")
    ResponseEntity<Map<String, Object>> category(@PathVariable long id, @RequestBody CategoryChoice choice) {
        if (choice == null || choice.category() == null || choice.category().isBlank()) {
            throw new IllegalArgumentException("give the category as {\"category\": \"SLUG\"}");
        }
        if (!desk.recategorise(id, choice.category())) {
            throw new ApiNotFoundException("no article " + id);
        }
        return ResponseEntity.ok(Map.of("id", id, "category", choice.category().strip()));
    }

    @PostMapping("/publish")
    ResponseEntity<Map<String, Object>> publish(@PathVariable long id, @RequestBody(required = false) CategoryChoice choice) {
        String slug = choice == null ? null : choice.category();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("published", desk.publish(id, slug));
        return ResponseEntity.ok(out);
    }
}
