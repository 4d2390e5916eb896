/**
 * Account: who may work in the newsroom. Users with a role (ADMIN, EDITOR) and their password
 * hashes, API tokens (kept as hashes), failed logins and their backoff, the first admin made at
 * the first start; every change recorded in article's {@code AuditLog}. A service: the edges
 * (admin's security configuration and pages, api's users and tokens) call it; it knows nothing of
 * the web.
 */
package io.huiwen.account;
