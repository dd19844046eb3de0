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
      long openBlock, int samples, long answerDeadlineBlock, BigInteger bond) implements ChainEvent {}

  record DisputeAnswered(EventOrigin origin, long disputeId, long dealId, Address operator, BigInteger bond)
      implements ChainEvent {}

  record DisputeUpheld(EventOrigin origin, long disputeId, long dealId, Address operator, BigInteger slashed,
      BigInteger reward, BigInteger burned) implements ChainEvent {}

  record VerifierAdded(EventOrigin origin, Address verifier) implements ChainEvent {}

  record VerifierRemoved(EventOrigin origin, Address verifier) implements ChainEvent {}

  record VerifierSetChanged(EventOrigin origin, int threshold, int verifierCount) implements ChainEvent {}

  /**
   * The chain changed below the confirmation depth: events delivered before may be gone. The follower delivers
   * every event again from {@code forkBlock} (the deployment); listeners rebuild or stay idempotent.
   */
  record Reorged(EventOrigin origin, long forkBlock) implements ChainEvent {}
}
