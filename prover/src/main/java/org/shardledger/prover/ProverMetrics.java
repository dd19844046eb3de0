package org.shardledger.prover;

import java.time.Duration;

/**
 * The operator node's countable events, as the node's status log sees them; {@link #NONE} records nothing. The
 * node module implements it with Micrometer, so the prover stays free of any metrics library. Levels (store
 * usage, wire traffic) are read from the node, not pushed here.
 */
public interface ProverMetrics {
  ProverMetrics NONE = new ProverMetrics() {};

  /** A challenge answered with a signed proof, {@code took} from request to signed answer. */
  default void challengeAnswered(Duration took) {}

  /** A challenge that got no proof ({@code code}: the wire error, or NO_DATA for a signed "I don't have it"). */
  default void challengeRefused(String code) {}

  default void disputeOpened() {}

  default void disputeAnswered() {}

  /** A dispute used half its window without a mined answer. */
  default void disputeFallingBehind() {}

  /** A dispute the node could not answer (yet): unprovable, not answered, or the answer failed to send. */
  default void disputeNotAnswered(String why) {}
}
