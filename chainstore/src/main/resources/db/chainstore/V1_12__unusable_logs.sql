-- Logs of the ledger that do not fit the node's types (issue 12): one row per log, what it names (a deal id, an
-- operator address, or nothing) and why. What they name is ineligible: no deal row is made for an unusable deal,
-- and the registration of an unusable operator is removed. Keyed by the log's place, so a redelivery changes nothing.
CREATE TABLE unusable_logs (
  block BIGINT NOT NULL,
  log_index BIGINT NOT NULL,
  tx_hash VARCHAR(66) NOT NULL,
  event VARCHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  subject VARCHAR(80),
  reason VARCHAR(1024) NOT NULL,
  PRIMARY KEY (block, log_index)
);
