package org.shardledger.contracts.events;

import java.math.BigInteger;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;

/** The ledger contract's events, as typed records in the project's own types. */
public sealed interface ChainEvent {
  EventOrigin origin();

  record DealProposed(EventOrigin origin, Deal deal) implements ChainEvent {}

  record DealActivated(EventOrigin origin, long dealId, Address operator, BigInteger escrow) implements ChainEvent {}

  record DealCancelled(EventOrigin origin, long dealId, Address owner, BigInteger refund) implements ChainEvent {}

  record BeaconRecorded(EventOrigin origin, long epoch, long beaconBlock, Bytes32 beacon) implements ChainEvent {}

  record OperatorRegistered(EventOrigin origin, Address operator, String endpoint, String region, long capacity,
      BigInteger stake) implements ChainEvent {}

  record OperatorUpdated(EventOrigin origin, Address operator, String endpoint, String region, long capacity)
      implements ChainEvent {}

  record StakeChanged(EventOrigin origin, Address operator, BigInteger stake) implements ChainEvent {}

  record ExitStarted(EventOrigin origin, Address operator, long unbondingEndsBlock) implements ChainEvent {}

  record StakeWithdrawn(EventOrigin origin, Address operator, BigInteger amount) implements ChainEvent {}

  record Settled(EventOrigin origin, long epoch, long fromEpoch, Bytes32 payoutRoot, BigInteger cumulativeTotal,
      Bytes32 slashesHash, Bytes32 terminationsHash) implements ChainEvent {}

  /** Why a deal ended on chain (the contract's EndCause). */
  enum EndCause { OWNER, TERMINATED, EXPIRED }

  /** The deal is paid through {@code endEpoch} and no longer active. */
  record DealEnded(EventOrigin origin, long dealId, Address operator, long endEpoch, EndCause cause)
      implements ChainEvent {}

  record SettlementSlashed(EventOrigin origin, long epoch, Address operator, BigInteger requested,
      BigInteger slashed) implements ChainEvent {}

  record Claimed(EventOrigin origin, Address account, BigInteger amount, BigInteger cumulativeAmount)
      implements ChainEvent {}

  record DisputeOpened(EventOrigin origin, long disputeId, long dealId, Address operator, Address disputer,
      long openBlock, int samples, long beaconBlock, long answerDeadlineBlock, BigInteger bond)
      implements ChainEvent {}

  record DisputeAnswered(EventOrigin origin, long disputeId, long dealId, Address operator, BigInteger bond)
      implements ChainEvent {}

  record DisputeUpheld(EventOrigin origin, long disputeId, long dealId, Address operator, BigInteger slashed,
      BigInteger reward, BigInteger burned) implements ChainEvent {}

  record VerifierAdded(EventOrigin origin, Address verifier) implements ChainEvent {}

  record VerifierRemoved(EventOrigin origin, Address verifier) implements ChainEvent {}

  record VerifierSetChanged(EventOrigin origin, int threshold, int verifierCount) implements ChainEvent {}

  /**
   * A log of the ledger that the node's types cannot hold (a uint64 at or above 2^63, a deal the protocol rejects,
   * data that does not decode): kept as a value so the batch goes on, reported per log, and what it names is
   * ineligible everywhere. The contract may let such values through; the node never acts on them.
   */
  sealed interface Unusable extends ChainEvent {
    /** The event's name, e.g. {@code DealProposed}. */
    String event();

    /** What did not fit, naming the field and its value. */
    String reason();
  }

  /** A deal event that does not fit: the deal (its id as the chain has it) is ineligible. */
  record UnusableDeal(EventOrigin origin, String event, BigInteger dealId, String reason) implements Unusable {}

  /** An operator event that does not fit: the operator is ineligible (treated as unregistered). */
  record UnusableOperator(EventOrigin origin, String event, Address operator, String reason) implements Unusable {}

  /** Any other event that does not fit; nothing is derived from it. */
  record UnusableLog(EventOrigin origin, String event, String reason) implements Unusable {}

  /**
   * The chain changed below the confirmation depth: events delivered before may be gone. The follower delivers
   * every event again from {@code forkBlock} (the deployment); listeners rebuild or stay idempotent.
   */
  record Reorged(EventOrigin origin, long forkBlock) implements ChainEvent {}
}
