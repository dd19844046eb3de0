package org.shardledger.contracts.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;

/** Turns the ledger's logs into {@link ChainEvent}s; logs it does not know (role admin events) are skipped. */
final class EventDecoder {
  private final Map<String, BiFunction<EventOrigin, Log, ChainEvent>> byTopic = new HashMap<>();

  EventDecoder() {
    on(ShardLedger.DEALPROPOSED_EVENT, (o, l) -> {
      var e = ShardLedger.getDealProposedEventFromLog(l);
      return new ChainEvent.DealProposed(o, new Deal(e.dealId.longValueExact(), Address.fromHex(e.owner),
          Address.fromHex(e.operator), new ShardCommitment(Bytes32.of(e.root), e.size.longValueExact(),
          e.segmentSize.intValueExact()), e.samples.intValueExact(), e.pricePerEpoch, e.firstEpoch.longValueExact(),
          e.lastEpoch.longValueExact()));
    });
    on(ShardLedger.DEALACTIVATED_EVENT, (o, l) -> {
      var e = ShardLedger.getDealActivatedEventFromLog(l);
      return new ChainEvent.DealActivated(o, e.dealId.longValueExact(), Address.fromHex(e.operator), e.escrow);
    });
    on(ShardLedger.DEALCANCELLED_EVENT, (o, l) -> {
      var e = ShardLedger.getDealCancelledEventFromLog(l);
      return new ChainEvent.DealCancelled(o, e.dealId.longValueExact(), Address.fromHex(e.owner), e.refund);
    });
    on(ShardLedger.BEACONRECORDED_EVENT, (o, l) -> {
      var e = ShardLedger.getBeaconRecordedEventFromLog(l);
      return new ChainEvent.BeaconRecorded(o, e.epoch.longValueExact(), e.blockNumber.longValueExact(),
          Bytes32.of(e.beacon));
    });
    on(ShardLedger.OPERATORREGISTERED_EVENT, (o, l) -> {
      var e = ShardLedger.getOperatorRegisteredEventFromLog(l);
      return new ChainEvent.OperatorRegistered(o, Address.fromHex(e.operator), e.endpoint, e.region,
          e.capacity.longValueExact(), e.stake);
    });
    on(ShardLedger.OPERATORUPDATED_EVENT, (o, l) -> {
      var e = ShardLedger.getOperatorUpdatedEventFromLog(l);
      return new ChainEvent.OperatorUpdated(o, Address.fromHex(e.operator), e.endpoint, e.region,
          e.capacity.longValueExact());
    });
    on(ShardLedger.STAKEADDED_EVENT, (o, l) -> {
      var e = ShardLedger.getStakeAddedEventFromLog(l);
      return new ChainEvent.StakeChanged(o, Address.fromHex(e.operator), e.stake);
    });
    on(ShardLedger.EXITSTARTED_EVENT, (o, l) -> {
      var e = ShardLedger.getExitStartedEventFromLog(l);
      return new ChainEvent.ExitStarted(o, Address.fromHex(e.operator), e.unbondingEndsBlock.longValueExact());
    });
    on(ShardLedger.STAKEWITHDRAWN_EVENT, (o, l) -> {
      var e = ShardLedger.getStakeWithdrawnEventFromLog(l);
      return new ChainEvent.StakeWithdrawn(o, Address.fromHex(e.operator), e.amount);
    });
    on(ShardLedger.SETTLED_EVENT, (o, l) -> {
      var e = ShardLedger.getSettledEventFromLog(l);
      return new ChainEvent.Settled(o, e.epoch.longValueExact(), e.fromEpoch.longValueExact(),
          Bytes32.of(e.payoutRoot), e.cumulativeTotal, Bytes32.of(e.slashesHash), Bytes32.of(e.terminationsHash));
    });
    on(ShardLedger.DEALENDED_EVENT, (o, l) -> {
      var e = ShardLedger.getDealEndedEventFromLog(l);
      return new ChainEvent.DealEnded(o, e.dealId.longValueExact(), Address.fromHex(e.operator),
          e.endEpoch.longValueExact(), ChainEvent.EndCause.values()[e.cause.intValueExact()]);
    });
    on(ShardLedger.SETTLEMENTSLASH_EVENT, (o, l) -> {
      var e = ShardLedger.getSettlementSlashEventFromLog(l);
      return new ChainEvent.SettlementSlashed(o, e.epoch.longValueExact(), Address.fromHex(e.operator),
          e.requested, e.slashed);
    });
    on(ShardLedger.CLAIMED_EVENT, (o, l) -> {
      var e = ShardLedger.getClaimedEventFromLog(l);
      return new ChainEvent.Claimed(o, Address.fromHex(e.account), e.amount, e.cumulativeAmount);
    });
    on(ShardLedger.DISPUTEOPENED_EVENT, (o, l) -> {
      var e = ShardLedger.getDisputeOpenedEventFromLog(l);
      return new ChainEvent.DisputeOpened(o, e.disputeId.longValueExact(), e.dealId.longValueExact(),
          Address.fromHex(e.operator), Address.fromHex(e.disputer), e.openBlock.longValueExact(),
          e.samples.intValueExact(), e.answerDeadlineBlock.longValueExact(), e.bond);
    });
    on(ShardLedger.DISPUTEANSWERED_EVENT, (o, l) -> {
      var e = ShardLedger.getDisputeAnsweredEventFromLog(l);
      return new ChainEvent.DisputeAnswered(o, e.disputeId.longValueExact(), e.dealId.longValueExact(),
          Address.fromHex(e.operator), e.bond);
    });
    on(ShardLedger.DISPUTEUPHELD_EVENT, (o, l) -> {
      var e = ShardLedger.getDisputeUpheldEventFromLog(l);
      return new ChainEvent.DisputeUpheld(o, e.disputeId.longValueExact(), e.dealId.longValueExact(),
          Address.fromHex(e.operator), e.slashed, e.reward, e.burned);
    });
    on(ShardLedger.VERIFIERADDED_EVENT, (o, l) ->
        new ChainEvent.VerifierAdded(o, Address.fromHex(ShardLedger.getVerifierAddedEventFromLog(l).verifier)));
    on(ShardLedger.VERIFIERREMOVED_EVENT, (o, l) ->
        new ChainEvent.VerifierRemoved(o, Address.fromHex(ShardLedger.getVerifierRemovedEventFromLog(l).verifier)));
    on(ShardLedger.VERIFIERSETCHANGED_EVENT, (o, l) -> {
      var e = ShardLedger.getVerifierSetChangedEventFromLog(l);
      return new ChainEvent.VerifierSetChanged(o, e.threshold.intValueExact(), e.verifierCount.intValueExact());
    });
  }

  private void on(Event event, BiFunction<EventOrigin, Log, ChainEvent> decode) {
    byTopic.put(EventEncoder.encode(event), decode);
  }

  Optional<ChainEvent> decode(Log log) {
    if (log.getTopics() == null || log.getTopics().isEmpty()) {
      return Optional.empty();
    }
    BiFunction<EventOrigin, Log, ChainEvent> decode = byTopic.get(log.getTopics().get(0));
    if (decode == null) {
      return Optional.empty();
    }
    EventOrigin origin = new EventOrigin(log.getBlockNumber().longValueExact(), Bytes32.fromHex(log.getBlockHash()),
        Bytes32.fromHex(log.getTransactionHash()), log.getLogIndex().longValueExact());
    return Optional.of(decode.apply(origin, log));
  }
}
