-- Leases name their holder: a collector node (huiwen.node-id) leases a source for a minute and
-- renews it while its poll runs, so the lease of a node that died expires within a minute, and the
-- same node, restarted, releases its own leases at once. A lease taken before this migration has
-- no owner and simply expires. Same SQL subset as V1.
ALTER TABLE source ADD COLUMN lease_owner VARCHAR(100);
