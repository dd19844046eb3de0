package org.shardledger.wire.client;

/** What a retrieval came to. */
public sealed interface RetrieveResult permits RetrieveResult.Retrieved, Failure {
  /** All {@code bytes} of the range were written to the target. */
  record Retrieved(long bytes) implements RetrieveResult {}
}
