-- The settlement state a ledger or a verifier carries from one settlement to the next (restorable after a
-- restart), and what each settled epoch published: the settlement, its slashes, who signed it, the transaction,
-- and every account's cumulative amount (a row when it changed; an account's amount at epoch e is its row with
-- the largest epoch <= e).

-- The current state: one row. deal_states: per deal the state holds, by id, 25 bytes (id u64, next epoch u64,
-- held epochs u32, fails u32, terminated u8); balances: per account with credit, 52 bytes (address, amount as
-- uint256). Both are rewritten with each settlement as one value each, so a settlement costs two writes for the
-- state however many deals and accounts there are.
CREATE TABLE settlement_state (
  id INT PRIMARY KEY,
  next_epoch BIGINT NOT NULL,
  escrowed NUMERIC(78, 0) NOT NULL,
  deal_states BLOB NOT NULL,
  balances BLOB NOT NULL
);

-- The terms of the deals the current state holds: written once when a deal is admitted, deleted when forgotten.
CREATE TABLE settlement_deals (
  deal_id BIGINT PRIMARY KEY,
  owner VARCHAR(42) NOT NULL,
  operator VARCHAR(42) NOT NULL,
  root VARCHAR(66) NOT NULL,
  size BIGINT NOT NULL,
  segment_size INT NOT NULL,
  samples INT NOT NULL,
  price_per_epoch NUMERIC(78, 0) NOT NULL,
  first_epoch BIGINT NOT NULL,
  last_epoch BIGINT NOT NULL
);

CREATE TABLE settled_epochs (
  epoch BIGINT PRIMARY KEY,
  from_epoch BIGINT NOT NULL,
  payout_root VARCHAR(66) NOT NULL,
  cumulative_total NUMERIC(78, 0) NOT NULL,
  slashes_hash VARCHAR(66) NOT NULL,
  held NUMERIC(78, 0) NOT NULL,
  accounts INT NOT NULL,
  tx_hash VARCHAR(66),
  tx_block BIGINT,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE settled_signatures (
  epoch BIGINT NOT NULL,
  signer VARCHAR(42) NOT NULL,
  signature VARCHAR(132) NOT NULL,
  PRIMARY KEY (epoch, signer)
);

CREATE TABLE settled_slashes (
  epoch BIGINT NOT NULL,
  position INT NOT NULL,
  operator VARCHAR(42) NOT NULL,
  amount NUMERIC(78, 0) NOT NULL,
  PRIMARY KEY (epoch, position)
);

CREATE TABLE settled_amounts (
  account VARCHAR(42) NOT NULL,
  epoch BIGINT NOT NULL,
  cumulative NUMERIC(78, 0) NOT NULL,
  PRIMARY KEY (account, epoch)
);
