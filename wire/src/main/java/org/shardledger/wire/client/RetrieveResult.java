package org.shardledger.wire.client;

/**
 * What a retrieval came to. Whatever it came to, the target holds only verified bytes of the shard, from the first
 * chunk asked for on: a caller that lost the operator midway resumes from the next whole chunk elsewhere.
 */
public sealed interface RetrieveResult permits RetrieveResult.Retrieved, RetrieveResult.Mismatch, Failure {
  /** Every chunk from the first asked for to the shard's end verified; {@code bytes} were written to the target. */
  record Retrieved(long bytes) implements RetrieveResult {}

  /**
   * The operator served data that is not the shard's (a chunk that does not lead to the root, or a size or chunk
   * it announced wrong): drop it. The {@code verifiedBytes} before that chunk were written to the target.
   */
  record Mismatch(long chunk, long verifiedBytes, String reason) implements RetrieveResult {}
}
