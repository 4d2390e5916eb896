package io.huiwen.extract;

/** Why bytes could not be read as a page at all, before any article was looked for in them. */
public enum UnreadableInput {
    EMPTY,
    BINARY,
    TOO_LARGE,
    BROKEN_GZIP
}
