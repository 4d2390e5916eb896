-- The outbox becomes a change log that any number of nodes read. A row announces that an article
-- changed (stored, edited, published, taken down); rows are no longer deleted by whoever drains
-- them. Each reader of the log (an embedded index on one node: lucene@<node-id>; a shared
-- OpenSearch index: opensearch:<alias>) keeps its position here, and the log is pruned up to the
-- lowest position of the readers seen lately. Same SQL subset as V1.
CREATE TABLE change_reader (
    name      VARCHAR(200) PRIMARY KEY,
    position  BIGINT NOT NULL,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Jobs that one node at a time may run (draining a shared index, pruning the log): the holder
-- renews its lease while it runs; the lease of a node that died runs out by itself.
CREATE TABLE job_lease (
    name        VARCHAR(100) PRIMARY KEY,
    owner       VARCHAR(100) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
