package org.shardledger.contracts.events;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;

import static org.shardledger.contracts.events.ChainFields.text;
import static org.shardledger.contracts.events.ChainFields.u31;
import static org.shardledger.contracts.events.ChainFields.u63;

/**
 * Turns the ledger's logs into {@link ChainEvent}s; logs it does not know (role admin events) are skipped. Total:
 * every field is range-checked, and a log whose fields do not fit the node's types (or that does not decode at
 * all) becomes a {@link ChainEvent.Unusable} naming the deal or operator it is about, so no log can stop a batch.
 */
final class EventDecoder {
  private static final Set<String> DEAL_EVENTS = Set.of("DealProposed", "DealActivated", "DealCancelled",
      "DealEnded");
  private static final Set<String> OPERATOR_EVENTS = Set.of("OperatorRegistered", "OperatorUpdated", "StakeAdded",
      "ExitStarted", "StakeWithdrawn");

  private final Map<String, BiFunction<EventOrigin, Log, ChainEvent>> byTopic = new HashMap<>();
  private final Map<String, Event> events = new HashMap<>();

  EventDecoder() {
    on(ShardLedger.DEALPROPOSED_EVENT, (o, l) -> {
      var e = ShardLedger.getDealProposedEventFromLog(l);
      return new ChainEvent.DealProposed(o, new Deal(u63(e.dealId, "dealId"), Address.fromHex(e.owner),
          Address.fromHex(e.operator), new ShardCommitment(Bytes32.of(e.root), u63(e.size, "size"),
          u31(e.segmentSize, "segmentSize")), u31(e.samples, "samples"), e.pricePerEpoch,
          u63(e.firstEpoch, "firstEpoch"), u63(e.lastEpoch, "lastEpoch")));
    });
    on(ShardLedger.DEALACTIVATED_EVENT, (o, l) -> {
      var e = ShardLedger.getDealActivatedEventFromLog(l);
      return new ChainEvent.DealActivated(o, u63(e.dealId, "dealId"), Address.fromHex(e.operator), e.escrow);
    });
    on(ShardLedger.DEALCANCELLED_EVENT, (o, l) -> {
      var e = ShardLedger.getDealCancelledEventFromLog(l);
      return new ChainEvent.DealCancelled(o, u63(e.dealId, "dealId"), Address.fromHex(e.owner), e.refund);
    });
    on(ShardLedger.BEACONRECORDED_EVENT, (o, l) -> {
      var e = ShardLedger.getBeaconRecordedEventFromLog(l);
      return new ChainEvent.BeaconRecorded(o, u63(e.epoch, "epoch"), u63(e.blockNumber, "blockNumber"),
          Bytes32.of(e.beacon));
    });
    on(ShardLedger.OPERATORREGISTERED_EVENT, (o, l) -> {
      var e = ShardLedger.getOperatorRegisteredEventFromLog(l);
      return new ChainEvent.OperatorRegistered(o, Address.fromHex(e.operator), text(e.endpoint, "endpoint"),
          text(e.region, "region"), u63(e.capacity, "capacity"), e.stake);
    });
    on(ShardLedger.OPERATORUPDATED_EVENT, (o, l) -> {
      var e = ShardLedger.getOperatorUpdatedEventFromLog(l);
      return new ChainEvent.OperatorUpdated(o, Address.fromHex(e.operator), text(e.endpoint, "endpoint"),
          text(e.region, "region"), u63(e.capacity, "capacity"));
    });
    on(ShardLedger.STAKEADDED_EVENT, (o, l) -> {
      var e = ShardLedger.getStakeAddedEventFromLog(l);
      return new ChainEvent.StakeChanged(o, Address.fromHex(e.operator), e.stake);
    });
    on(ShardLedger.EXITSTARTED_EVENT, (o, l) -> {
      var e = ShardLedger.getExitStartedEventFromLog(l);
      return new ChainEvent.ExitStarted(o, Address.fromHex(e.operator),
          u63(e.unbondingEndsBlock, "unbondingEndsBlock"));
    });
    on(ShardLedger.STAKEWITHDRAWN_EVENT, (o, l) -> {
      var e = ShardLedger.getStakeWithdrawnEventFromLog(l);
      return new ChainEvent.StakeWithdrawn(o, Address.fromHex(e.operator), e.amount);
    });
    on(ShardLedger.SETTLED_EVENT, (o, l) -> {
      var e = ShardLedger.getSettledEventFromLog(l);
      return new ChainEvent.Settled(o, u63(e.epoch, "epoch"), u63(e.fromEpoch, "fromEpoch"),
          Bytes32.of(e.payoutRoot), e.cumulativeTotal, Bytes32.of(e.slashesHash), Bytes32.of(e.terminationsHash));
    });
    on(ShardLedger.DEALENDED_EVENT, (o, l) -> {
      var e = ShardLedger.getDealEndedEventFromLog(l);
      int cause = u31(e.cause, "cause");
      if (cause >= ChainEvent.EndCause.values().length) {
        throw new ChainFields.DoesNotFit("cause " + cause + " is not a known way for a deal to end");
      }
      return new ChainEvent.DealEnded(o, u63(e.dealId, "dealId"), Address.fromHex(e.operator),
          u63(e.endEpoch, "endEpoch"), ChainEvent.EndCause.values()[cause]);
    });
    on(ShardLedger.SETTLEMENTSLASH_EVENT, (o, l) -> {
      var e = ShardLedger.getSettlementSlashEventFromLog(l);
      return new ChainEvent.SettlementSlashed(o, u63(e.epoch, "epoch"), Address.fromHex(e.operator),
          e.requested, e.slashed);
    });
    on(ShardLedger.CLAIMED_EVENT, (o, l) -> {
      var e = ShardLedger.getClaimedEventFromLog(l);
      return new ChainEvent.Claimed(o, Address.fromHex(e.account), e.amount, e.cumulativeAmount);
    });
    on(ShardLedger.DISPUTEOPENED_EVENT, (o, l) -> {
      var e = ShardLedger.getDisputeOpenedEventFromLog(l);
      return new ChainEvent.DisputeOpened(o, u63(e.disputeId, "disputeId"), u63(e.dealId, "dealId"),
          Address.fromHex(e.operator), Address.fromHex(e.disputer), u63(e.openBlock, "openBlock"),
          u31(e.samples, "samples"), u63(e.beaconBlock, "beaconBlock"), u63(e.answerDeadlineBlock,
          "answerDeadlineBlock"), e.bond);
    });
    on(ShardLedger.DISPUTEANSWERED_EVENT, (o, l) -> {
      var e = ShardLedger.getDisputeAnsweredEventFromLog(l);
      return new ChainEvent.DisputeAnswered(o, u63(e.disputeId, "disputeId"), u63(e.dealId, "dealId"),
          Address.fromHex(e.operator), e.bond);
    });
    on(ShardLedger.DISPUTEUPHELD_EVENT, (o, l) -> {
      var e = ShardLedger.getDisputeUpheldEventFromLog(l);
      return new ChainEvent.DisputeUpheld(o, u63(e.disputeId, "disputeId"), u63(e.dealId, "dealId"),
          Address.fromHex(e.operator), e.slashed, e.reward, e.burned);
    });
    on(ShardLedger.VERIFIERADDED_EVENT, (o, l) ->
        new ChainEvent.VerifierAdded(o, Address.fromHex(ShardLedger.getVerifierAddedEventFromLog(l).verifier)));
    on(ShardLedger.VERIFIERREMOVED_EVENT, (o, l) ->
        new ChainEvent.VerifierRemoved(o, Address.fromHex(ShardLedger.getVerifierRemovedEventFromLog(l).verifier)));
    on(ShardLedger.VERIFIERSETCHANGED_EVENT, (o, l) -> {
      var e = ShardLedger.getVerifierSetChangedEventFromLog(l);
      return new ChainEvent.VerifierSetChanged(o, u31(e.threshold, "threshold"),
          u31(e.verifierCount, "verifierCount"));
    });
  }

  private void on(Event event, BiFunction<EventOrigin, Log, ChainEvent> decode) {
    String topic = EventEncoder.encode(event);
    byTopic.put(topic, decode);
    events.put(topic, event);
  }

  /** The event of a ledger log (empty for logs of events the node does not follow); never throws. */
  Optional<ChainEvent> decode(Log log) {
    if (log.getTopics() == null || log.getTopics().isEmpty()) {
      return Optional.empty();
    }
    String topic = log.getTopics().get(0);
    BiFunction<EventOrigin, Log, ChainEvent> decode = byTopic.get(topic);
    if (decode == null) {
      return Optional.empty();
    }
    EventOrigin origin = origin(log);
    Event event = events.get(topic);
    try {
      CanonicalWords.check(event, log.getTopics(), log.getData());
      return Optional.of(decode.apply(origin, log));
    } catch (RuntimeException e) {
      return Optional.of(unusable(origin, event.getName(), log, reason(e)));
    }
  }

  /** Where the log is; fields the node cannot hold are -1 or zero (the follower checks blocks before decoding). */
  private static EventOrigin origin(Log log) {
    return new EventOrigin(orMinusOne(log.getBlockNumber()), hash(log.getBlockHash()),
        hash(log.getTransactionHash()), orMinusOne(log.getLogIndex()));
  }

  private static long orMinusOne(BigInteger value) {
    return value != null && value.signum() >= 0 && value.bitLength() < 64 ? value.longValue() : -1;
  }

  private static Bytes32 hash(String hex) {
    try {
      return Bytes32.fromHex(hex);
    } catch (RuntimeException e) {
      return Bytes32.ZERO;
    }
  }

  private static String reason(RuntimeException e) {
    if (e instanceof ChainFields.DoesNotFit || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return "does not decode (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
  }

  /** The unusable value: about the deal or operator of the log's first indexed topic, when there is one. */
  private static ChainEvent unusable(EventOrigin origin, String event, Log log, String reason) {
    List<String> topics = log.getTopics();
    try {
      if (topics.size() > 1 && DEAL_EVENTS.contains(event)) {
        return new ChainEvent.UnusableDeal(origin, event, new BigInteger(1, Hex.decode(topics.get(1))), reason);
      }
      if (topics.size() > 1 && OPERATOR_EVENTS.contains(event)) {
        byte[] word = Hex.decode(topics.get(1));
        if (word.length == 32) {
          return new ChainEvent.UnusableOperator(origin, event, Address.of(Arrays.copyOfRange(word, 12, 32)),
              reason);
        }
      }
    } catch (RuntimeException e) {
      // the topic itself is malformed: nothing to name
    }
    return new ChainEvent.UnusableLog(origin, event, reason);
  }
}
