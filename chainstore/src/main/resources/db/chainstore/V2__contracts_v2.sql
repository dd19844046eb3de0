-- Contracts v2: a settlement names the epoch it starts from and the hash of the deals it terminates;
-- deals end on chain (by their owner, by a settlement's termination, or closed after their period).
ALTER TABLE settlements ADD COLUMN from_epoch BIGINT NOT NULL DEFAULT 0;
ALTER TABLE settlements ADD COLUMN terminations_hash VARCHAR(66) NOT NULL
  DEFAULT '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470';
ALTER TABLE deals ADD COLUMN end_epoch BIGINT;
