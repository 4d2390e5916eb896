package io.huiwen.article;

import java.util.Set;

/**
 * Articles changed — stored, edited, published or taken down, re-categorised, moved between
 * stories — as a node learns it from the change log, once its search index has them (or, for the
 * shared index, once the node keeping it has). Published on every node within about
 * {@code huiwen.search.sync-interval} of the change, whichever node or command made it: what a
 * node caches of articles (rendered pages, related articles) listens to this.
 *
 * @param articleIds the articles that changed; empty when {@code everything} is true
 * @param everything the whole index was rebuilt, or too much changed to name: forget all
 */
public record ArticlesChanged(Set<Long> articleIds, boolean everything) {

    public static ArticlesChanged of(Set<Long> articleIds) {
        return new ArticlesChanged(Set.copyOf(articleIds), false);
    }

    public static ArticlesChanged all() {
        return new ArticlesChanged(Set.of(), true);
    }
}
