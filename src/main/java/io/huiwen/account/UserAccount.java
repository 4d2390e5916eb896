package io.huiwen.account;

import java.time.OffsetDateTime;

/** A user as the admin pages and the API show it: never with the password hash. */
public record UserAccount(long id, String username, Role role, boolean enabled, OffsetDateTime createdAt,
                          OffsetDateTime passwordChangedAt) {}
