/**
 * Admin: who may do what ({@code SecurityConfig}: roles by URL, form login, HTTP Basic and API
 * tokens, CSRF, JSON refusals under {@code /api/}), the login and logout pages, and the editorial
 * pages under {@code /admin} (review queue, sources, users, your own account and tokens). Sits on
 * top of account, article, search and rank.
 */
package io.huiwen.admin;
