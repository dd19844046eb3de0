package org.shardledger.client.layout;

/** Whether {@link ShardReader} hashes each offered shard file against its root before using it. */
public enum RootCheck {
  /** Hash every shard file it uses (shards from a directory, whoever wrote them): a bad one is left out. */
  HASH_EACH_SHARD,
  /**
   * Trust that the files' bytes were checked against their roots as they were written (get verifies every chunk on
   * arrival): only their sizes are checked. Bytes altered on the local disk afterwards still fail the part's
   * AES-GCM authentication, so nothing unauthenticated is ever written; they are only no longer told apart from
   * another shard.
   */
  CHECKED_ON_ARRIVAL
}
