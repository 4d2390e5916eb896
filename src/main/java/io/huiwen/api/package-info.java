/**
 * API: the JSON API under {@code /api/v1} (shapes in INTERFACES.md, snake_case). Reads through
 * article, search and rank, like the portal; errors are {@code {"error": "..."}}.
 */
package io.huiwen.api;
