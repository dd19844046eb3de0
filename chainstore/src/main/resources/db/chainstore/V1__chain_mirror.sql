-- The chain state a role reads, mirrored from confirmed events. Rows are upserted, so delivering an event
-- twice changes nothing.
CREATE TABLE mirror_cursor (
  id INT PRIMARY KEY,
  block BIGINT NOT NULL,
  block_hash VARCHAR(66) NOT NULL
);

CREATE TABLE deals (
  id BIGINT PRIMARY KEY,
  owner VARCHAR(42) NOT NULL,
  operator VARCHAR(42) NOT NULL,
  root VARCHAR(66) NOT NULL,
  size BIGINT NOT NULL,
  segment_size INT NOT NULL,
  samples INT NOT NULL,
  price_per_epoch NUMERIC(78, 0) NOT NULL,
  first_epoch BIGINT NOT NULL,
  last_epoch BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  proposed_block BIGINT NOT NULL,
  changed_block BIGINT NOT NULL
);
CREATE INDEX deals_operator ON deals(operator);
CREATE INDEX deals_status_epochs ON deals(status, first_epoch, last_epoch);

CREATE TABLE operators (
  address VARCHAR(42) PRIMARY KEY,
  endpoint VARCHAR(512) NOT NULL,
  region VARCHAR(512) NOT NULL,
  capacity BIGINT NOT NULL,
  stake NUMERIC(78, 0) NOT NULL,
  exiting BOOLEAN NOT NULL,
  changed_block BIGINT NOT NULL
);

CREATE TABLE beacons (
  epoch BIGINT PRIMARY KEY,
  beacon VARCHAR(66) NOT NULL,
  beacon_block BIGINT NOT NULL,
  recorded_block BIGINT NOT NULL
);

CREATE TABLE verifiers (
  address VARCHAR(42) PRIMARY KEY
);

CREATE TABLE verifier_threshold (
  id INT PRIMARY KEY,
  threshold INT NOT NULL
);

CREATE TABLE settlements (
  epoch BIGINT PRIMARY KEY,
  payout_root VARCHAR(66) NOT NULL,
  cumulative_total NUMERIC(78, 0) NOT NULL,
  slashes_hash VARCHAR(66) NOT NULL,
  tx_hash VARCHAR(66) NOT NULL,
  block BIGINT NOT NULL
);

CREATE TABLE disputes (
  id BIGINT PRIMARY KEY,
  deal_id BIGINT NOT NULL,
  operator VARCHAR(42) NOT NULL,
  disputer VARCHAR(42) NOT NULL,
  open_block BIGINT NOT NULL,
  samples INT NOT NULL,
  deadline_block BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL
);
