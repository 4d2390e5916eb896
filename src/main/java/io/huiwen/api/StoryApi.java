package io.huiwen.api;

import io.huiwen.article.EditorialDesk;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Editors correct story clusters: take an article out of its story, or merge two stories (EDITOR or ADMIN; audited). */
@RestController
@RequestMapping("/api/v1")
class StoryApi {

    private final EditorialDesk desk;

    StoryApi(EditorialDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/articles/{id}/split")
    ResponseEntity<Map<String, Object>> split(@PathVariable long id, java.security.Principal principal) {
        boolean split = desk.splitFromStory(id, EditorApi.actor(principal));
        return ResponseEntity.ok(Map.of("id", id, "story_id", id, "split", split));
    }

    /** The JSON body of a merge: the story to keep and the story whose articles join it. */
    record Merge(Long into, Long from) {}

    @PostMapping("/stories/merge")
    ResponseEntity<Map<String, Object>> merge(@RequestBody Merge merge, java.security.Principal principal) {
        if (merge.into() == null || merge.from() == null) {
            throw new IllegalArgumentException("give the stories as {\"into\": STORY_ID, \"from\": STORY_ID}");
        }
        int moved = desk.mergeStories(merge.into(), merge.from(), EditorApi.actor(principal));
        return ResponseEntity.ok(Map.of("story_id", merge.into(), "moved", moved));
    }
}
