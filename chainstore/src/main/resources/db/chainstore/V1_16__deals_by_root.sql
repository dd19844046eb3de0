-- Issue 16: owners locate a shard's deals by its root (the ledger's deal_findByRoot).
CREATE INDEX deals_root ON deals(root, id);
