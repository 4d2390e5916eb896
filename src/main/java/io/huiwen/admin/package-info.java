/**
 * Admin: who may write (the admin account, login, HTTP Basic for the API) and the editorial
 * pages under {@code /admin}. Sits on top of article, search and rank.
 */
package io.huiwen.admin;
