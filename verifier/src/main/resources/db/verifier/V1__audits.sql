-- One result per deal per epoch: the primary key makes a second one impossible, which is what makes a restart
-- in the middle of an epoch safe.
CREATE TABLE audit_results (
  epoch BIGINT NOT NULL,
  deal_id BIGINT NOT NULL,
  operator VARCHAR(42) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  reason VARCHAR(64) NOT NULL,
  detail VARCHAR(2048) NOT NULL,
  attempts INT NOT NULL,
  latency_ms BIGINT NOT NULL,
  proof_hash VARCHAR(66),
  operator_signature VARCHAR(132),
  recorded_at TIMESTAMP NOT NULL,
  PRIMARY KEY (epoch, deal_id)
);
CREATE INDEX audit_results_operator ON audit_results(operator, epoch);

-- Every try, including the ones an epoch retried past.
CREATE TABLE audit_attempts (
  epoch BIGINT NOT NULL,
  deal_id BIGINT NOT NULL,
  attempt INT NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  reason VARCHAR(64) NOT NULL,
  detail VARCHAR(2048) NOT NULL,
  at TIMESTAMP NOT NULL,
  PRIMARY KEY (epoch, deal_id, attempt)
);

CREATE TABLE reputations (
  operator VARCHAR(42) PRIMARY KEY,
  audit_alpha DOUBLE PRECISION NOT NULL,
  audit_beta DOUBLE PRECISION NOT NULL,
  online_alpha DOUBLE PRECISION NOT NULL,
  online_beta DOUBLE PRECISION NOT NULL,
  passes BIGINT NOT NULL,
  fails BIGINT NOT NULL,
  unreachable BIGINT NOT NULL
);

CREATE TABLE reputation_changes (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  operator VARCHAR(42) NOT NULL,
  epoch BIGINT NOT NULL,
  deal_id BIGINT NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  reason VARCHAR(2048) NOT NULL,
  audit_before DOUBLE PRECISION NOT NULL,
  audit_after DOUBLE PRECISION NOT NULL,
  online_before DOUBLE PRECISION NOT NULL,
  online_after DOUBLE PRECISION NOT NULL,
  standing_before VARCHAR(16) NOT NULL,
  standing_after VARCHAR(16) NOT NULL,
  at TIMESTAMP NOT NULL
);
CREATE INDEX reputation_changes_operator ON reputation_changes(operator, id);

-- Where the auditor stands: the epoch it works on (or the next one).
CREATE TABLE audit_progress (
  id INT PRIMARY KEY,
  next_epoch BIGINT NOT NULL
);

CREATE TABLE epoch_reports (
  epoch BIGINT PRIMARY KEY,
  status VARCHAR(16) NOT NULL,
  results_hash VARCHAR(66),
  deals INT NOT NULL,
  signature VARCHAR(132),
  created_at TIMESTAMP NOT NULL
);

CREATE TABLE report_deliveries (
  epoch BIGINT NOT NULL,
  ledger VARCHAR(512) NOT NULL,
  delivered_at TIMESTAMP NOT NULL,
  PRIMARY KEY (epoch, ledger)
);
