-- Several nodes serve one site from this database: what a node used to keep in memory alone lives
-- here now. Same SQL subset as V1 (runs unchanged on H2 in PostgreSQL mode and on PostgreSQL).

-- Editors' sessions (Spring Session JDBC, spring.session.jdbc.table-name = admin_session): an
-- editor who logged in through one node is logged in on all of them, and logging out ends the
-- session everywhere. Times are epoch milliseconds, as Spring Session writes them.
CREATE TABLE admin_session (
    primary_id             CHAR(36) PRIMARY KEY,
    session_id             CHAR(36) NOT NULL UNIQUE,
    creation_time          BIGINT NOT NULL,
    last_access_time       BIGINT NOT NULL,
    max_inactive_interval  INT NOT NULL,
    expiry_time            BIGINT NOT NULL,
    principal_name         VARCHAR(100)
);
CREATE INDEX IF NOT EXISTS admin_session_expiry ON admin_session (expiry_time);
CREATE INDEX IF NOT EXISTS admin_session_principal ON admin_session (principal_name);

-- A session's attributes (the security context, the CSRF token), serialized by Spring Session.
CREATE TABLE admin_session_attributes (
    session_primary_id  CHAR(36) NOT NULL REFERENCES admin_session (primary_id) ON DELETE CASCADE,
    attribute_name      VARCHAR(200) NOT NULL,
    attribute_bytes     BYTEA NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);

-- Per-host politeness across collector nodes: the earliest instant (on the database's clock) at
-- which the next request to a host may start. A node reserves a slot by moving next_at on, with
-- a compare on the value it read, so two nodes never get the same slot.
CREATE TABLE host_slot (
    host     VARCHAR(300) PRIMARY KEY,
    next_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS host_slot_next_at ON host_slot (next_at);
