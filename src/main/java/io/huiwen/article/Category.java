package io.huiwen.article;

/** A portal section such as 财经; {@code slug} is the pinyin used in URLs (caijing). */
public record Category(long id, String slug, String name, int position) {}
