package io.huiwen.article;

import java.util.List;

/** One page of a longer list; {@code page} counts from 1. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page < pages();
    }
}
