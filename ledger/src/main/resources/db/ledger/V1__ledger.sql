-- The ledger's own records (the settlement store and the chain mirror have theirs).

-- Every report that passed the arrival check. results: 9 bytes per result, the deal id (8 bytes, big-endian) then
-- the outcome code (1 PASS, 2 FAIL, 3 UNREACHABLE), sorted by deal id. used_in: the epoch of the settlement whose
-- inputs include it (set when the settlement is proposed; a report that arrives later is never used).
CREATE TABLE ledger_reports (
  epoch BIGINT NOT NULL,
  verifier VARCHAR(42) NOT NULL,
  results_hash VARCHAR(66) NOT NULL,
  deals BIGINT NOT NULL,
  signature VARCHAR(132) NOT NULL,
  results BLOB NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_in BIGINT,
  PRIMARY KEY (epoch, verifier, results_hash)
);

-- Reports refused on arrival (bad signature, not a verifier, results that do not match, epoch settled already,
-- ...) and reports the aggregation did not count (equivocation, copies, unaudited epoch), each with its reason.
CREATE TABLE ledger_report_rejections (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  epoch BIGINT NOT NULL,
  signer VARCHAR(42),
  reason VARCHAR(32) NOT NULL,
  detail VARCHAR(2000) NOT NULL,
  results_hash VARCHAR(66) NOT NULL,
  signature VARCHAR(132) NOT NULL,
  at_settlement BOOLEAN NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT ledger_report_rejections_once UNIQUE (epoch, signature, reason)
);
CREATE INDEX ledger_report_rejections_epoch ON ledger_report_rejections(epoch);

-- The settlement being worked on (at most one): its step (SettlementStep JSON without the reports, which are the
-- ledger_reports used_in = epoch), where it stands, and the signatures collected.
CREATE TABLE ledger_pending (
  id INT PRIMARY KEY,
  epoch BIGINT NOT NULL,
  from_epoch BIGINT NOT NULL,
  step CLOB NOT NULL,
  status VARCHAR(16) NOT NULL,
  tx_hash VARCHAR(66),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ledger_pending_signatures (
  signer VARCHAR(42) PRIMARY KEY,
  signature VARCHAR(132) NOT NULL
);

-- The step of every settlement confirmed on chain (the same form as ledger_pending.step), so that a verifier that
-- missed some can be handed them to replay.
CREATE TABLE ledger_steps (
  epoch BIGINT PRIMARY KEY,
  from_epoch BIGINT NOT NULL,
  step CLOB NOT NULL
);

-- Per deal and settled epoch: the verdict, its counts and what happened to the money (JSON events).
CREATE TABLE ledger_entries (
  epoch BIGINT NOT NULL,
  deal_id BIGINT NOT NULL,
  operator VARCHAR(42) NOT NULL,
  owner VARCHAR(42) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  basis VARCHAR(16) NOT NULL,
  pass INT NOT NULL,
  fail INT NOT NULL,
  unreachable INT NOT NULL,
  events CLOB NOT NULL,
  PRIMARY KEY (epoch, deal_id)
);
CREATE INDEX ledger_entries_deal ON ledger_entries(deal_id);
CREATE INDEX ledger_entries_operator ON ledger_entries(operator);

-- A counted verifier whose result for a deal differed from the t-of-n verdict.
CREATE TABLE ledger_disagreements (
  epoch BIGINT NOT NULL,
  deal_id BIGINT NOT NULL,
  verifier VARCHAR(42) NOT NULL,
  reported VARCHAR(16) NOT NULL,
  aggregate VARCHAR(16) NOT NULL,
  PRIMARY KEY (epoch, deal_id, verifier)
);
CREATE INDEX ledger_disagreements_verifier ON ledger_disagreements(verifier);
