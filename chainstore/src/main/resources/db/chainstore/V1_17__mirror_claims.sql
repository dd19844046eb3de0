-- What each account has claimed on chain (cumulative, from confirmed Claimed events), so the ledger answers
-- balances without a chain call. Versioned 1.17 (issue 17) so it sorts before any V2 of a parallel branch.
CREATE TABLE claims (
  account VARCHAR(42) PRIMARY KEY,
  claimed NUMERIC(78, 0) NOT NULL,
  block BIGINT NOT NULL
);
