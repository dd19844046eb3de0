-- Settlement v2: the hash of the deals a settlement terminates, and the deals themselves in order.
ALTER TABLE settled_epochs ADD COLUMN terminations_hash VARCHAR(66) NOT NULL
  DEFAULT '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470';

CREATE TABLE settled_terminations (
  epoch BIGINT NOT NULL,
  position INT NOT NULL,
  deal_id BIGINT NOT NULL,
  PRIMARY KEY (epoch, position)
);
