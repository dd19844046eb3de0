package org.shardledger.prover;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator should notice, one named method per event, all on the logger {@code shardledger.prover.status}
 * so they are easy to find and always worded alike. Counts every event (for tests and metrics).
 */
public class ProverStatusLog {
  /** The events, for {@link #count}. */
  public enum Event {
    SERVING, STOPPED, LEFTOVERS_REMOVED, UNREADABLE_SHARD, SHARD_STORED, UPLOAD_REJECTED, CHALLENGE_ANSWERED,
    CHALLENGE_REFUSED, NO_DATA_SIGNED, CORRUPTION_FOUND, TREE_CACHE_REPAIRED, SCRUB_PASS_FINISHED, SHARD_DELETED,
    MAINTENANCE_FAILED,
    OPERATOR_REGISTERED, REGISTRATION_UPDATED, REGISTRATION_CURRENT, OPERATOR_EXITING, STAKE_BELOW_WANTED,
    DISPUTE_SEEN, DISPUTE_ANSWERED, DISPUTE_ALREADY_ANSWERED, DISPUTE_UNPROVABLE, DISPUTE_NOT_ANSWERED,
    DISPUTE_ANSWER_FAILED, DISPUTES_FALLING_BEHIND
  }

  private static final Logger LOG = LoggerFactory.getLogger("shardledger.prover.status");
  private final Map<Event, AtomicLong> counts = new EnumMap<>(Event.class);
  private final ProverMetrics metrics;

  public ProverStatusLog() {
    this(ProverMetrics.NONE);
  }

  /** A status log that also hands each countable event to {@code metrics}. */
  public ProverStatusLog(ProverMetrics metrics) {
    this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
    for (Event e : Event.values()) {
      counts.put(e, new AtomicLong());
    }
  }

  public long count(Event event) {
    return counts.get(event).get();
  }

  private void bump(Event event) {
    counts.get(event).incrementAndGet();
  }

  public void serving(String address, Address operator, int shards, long usedBytes, long capacityBytes) {
    bump(Event.SERVING);
    LOG.info("serving as operator {} on {}: {} shards, {} of {} bytes used", operator, address, shards, usedBytes,
        capacityBytes);
  }

  public void stopped() {
    bump(Event.STOPPED);
    LOG.info("stopped");
  }

  public void leftoversRemoved(int count) {
    bump(Event.LEFTOVERS_REMOVED);
    LOG.warn("removed {} interrupted uploads left by an earlier stop", count);
  }

  public void unreadableShard(String directory) {
    bump(Event.UNREADABLE_SHARD);
    LOG.error("shard directory {} has no readable tree cache; it is not served (check the disk)", directory);
  }

  public void shardStored(long dealId, long size, Bytes32 root, Duration took) {
    bump(Event.SHARD_STORED);
    LOG.info("stored shard of deal {}: {} bytes, root {}, in {} ms; DealAcceptance signed", dealId, size, root,
        took.toMillis());
  }

  public void uploadRejected(long dealId, String code, String reason) {
    bump(Event.UPLOAD_REJECTED);
    LOG.warn("rejected upload for deal {}: {} {}", dealId, code, reason);
  }

  public void challengeAnswered(long dealId, long epoch, int samples, Duration took) {
    bump(Event.CHALLENGE_ANSWERED);
    metrics.challengeAnswered(took);
    LOG.info("answered challenge for deal {} epoch {}: {} samples, signed proof in {} µs", dealId, epoch, samples,
        took.toNanos() / 1000);
  }

  public void challengeRefused(long dealId, long epoch, String code, String reason) {
    bump(Event.CHALLENGE_REFUSED);
    metrics.challengeRefused(code);
    LOG.warn("could not answer challenge for deal {} epoch {}: {} {}", dealId, epoch, code, reason);
  }

  public void noDataSigned(long dealId, long epoch, String reason) {
    bump(Event.NO_DATA_SIGNED);
    metrics.challengeRefused("NO_DATA");
    LOG.error("signed NO DATA for deal {} epoch {} (counts as FAIL): {}", dealId, epoch, reason);
  }

  public void corruptionFound(long dealId, String detail) {
    bump(Event.CORRUPTION_FOUND);
    LOG.error("shard of deal {} is corrupted: {}; challenges now get a signed no-data (re-upload to repair)",
        dealId, detail);
  }

  public void treeCacheRepaired(long dealId, long badNodes) {
    bump(Event.TREE_CACHE_REPAIRED);
    LOG.warn("tree cache of deal {} had {} damaged nodes; rebuilt from the intact shard", dealId, badNodes);
  }

  public void scrubPassFinished(int shards, long bytes, int corrupt, Duration took) {
    bump(Event.SCRUB_PASS_FINISHED);
    LOG.info("scrubbed {} shards ({} bytes) in {} s: {} corrupted", shards, bytes, took.toSeconds(), corrupt);
  }

  public void shardDeleted(long dealId, String reason) {
    bump(Event.SHARD_DELETED);
    LOG.info("deleted shard of deal {}: {}", dealId, reason);
  }

  public void maintenanceFailed(String task, Throwable error) {
    bump(Event.MAINTENANCE_FAILED);
    LOG.error("{} failed: {}", task, error.toString());
  }

  public void operatorRegistered(Address operator, String endpoint, String region, long capacity, BigInteger stake) {
    bump(Event.OPERATOR_REGISTERED);
    LOG.info("registered operator {} on chain: endpoint {}, region {}, capacity {} bytes, stake {}", operator,
        endpoint, region, capacity, credits(stake));
  }

  public void registrationUpdated(Address operator, String was, String now) {
    bump(Event.REGISTRATION_UPDATED);
    LOG.info("updated the registration of operator {} on chain: {} (was {})", operator, now, was);
  }

  public void registrationCurrent(Address operator, String registration, BigInteger stake) {
    bump(Event.REGISTRATION_CURRENT);
    LOG.info("operator {} is registered on chain as {}, stake {}", operator, registration, credits(stake));
  }

  public void operatorExiting(Address operator, long unbondingEndsBlock) {
    bump(Event.OPERATOR_EXITING);
    LOG.warn("operator {} is exiting (unbonding ends at block {}): registration not updated, no new deals; the node "
        + "keeps serving and answering disputes for the deals it holds", operator, unbondingEndsBlock);
  }

  public void stakeBelowWanted(Address operator, BigInteger onChain, BigInteger wanted) {
    bump(Event.STAKE_BELOW_WANTED);
    LOG.warn("operator {} has a stake of {} on chain, less than the {} asked for (slashed?); the node does not add "
        + "stake by itself", operator, credits(onChain), credits(wanted));
  }

  public void disputeSeen(long disputeId, long dealId, long openBlock, int samples, long beaconBlock,
      long deadlineBlock) {
    bump(Event.DISPUTE_SEEN);
    metrics.disputeOpened();
    LOG.warn("dispute {} opened against deal {} at block {}: {} samples drawn by block {}, to answer by block {}",
        disputeId, dealId, openBlock, samples, beaconBlock, deadlineBlock);
  }

  /**
   * A dispute has used half its window without a mined answer: the node is not keeping up (the chain is full, the
   * node's gas price too low, its RPC endpoint slow, or more disputes than it can prove in time).
   */
  public void disputesFallingBehind(long disputeId, long dealId, long head, long deadlineBlock, int behind) {
    bump(Event.DISPUTES_FALLING_BEHIND);
    metrics.disputeFallingBehind();
    LOG.error("FALLING BEHIND on disputes: dispute {} against deal {} has no answer mined at block {}, {} blocks "
        + "before its deadline (block {}); {} disputes are behind. Check the node's gas funds and price, its RPC "
        + "endpoint and its disk.", disputeId, dealId, head, deadlineBlock - head, deadlineBlock, behind);
  }

  public void disputeAnswered(long disputeId, long dealId, long block, long blocksToSpare, BigInteger bond,
      Duration took) {
    bump(Event.DISPUTE_ANSWERED);
    metrics.disputeAnswered();
    LOG.info("answered dispute {} against deal {} in block {} ({} blocks before the deadline, {} ms after seeing "
        + "it); the bond of {} is ours", disputeId, dealId, block, blocksToSpare, took.toMillis(), credits(bond));
  }

  public void disputeAlreadyAnswered(long disputeId, long dealId) {
    bump(Event.DISPUTE_ALREADY_ANSWERED);
    LOG.info("dispute {} against deal {} was answered already; nothing sent", disputeId, dealId);
  }

  public void disputeUnprovable(long disputeId, long dealId, String why, long deadlineBlock, long blocksLeft) {
    bump(Event.DISPUTE_UNPROVABLE);
    metrics.disputeNotAnswered("unprovable");
    LOG.error("CANNOT ANSWER dispute {} against deal {}: {}. Unless the shard is back within {} blocks (deadline "
        + "block {}), the operator's stake is slashed. The node keeps trying with every block.", disputeId, dealId,
        why, blocksLeft, deadlineBlock);
  }

  public void disputeNotAnswered(long disputeId, long dealId, String why) {
    bump(Event.DISPUTE_NOT_ANSWERED);
    metrics.disputeNotAnswered("not_answered");
    LOG.error("did not answer dispute {} against deal {}: {}", disputeId, dealId, why);
  }

  public void disputeAnswerFailed(long disputeId, long dealId, String error) {
    bump(Event.DISPUTE_ANSWER_FAILED);
    metrics.disputeNotAnswered("send_failed");
    LOG.error("sending the answer to dispute {} against deal {} failed: {}; retrying", disputeId, dealId, error);
  }

  /** Credit base units (18 decimals) in credits, e.g. "12.5 credits". */
  public static String credits(BigInteger baseUnits) {
    return new BigDecimal(baseUnits, 18).stripTrailingZeros().toPlainString() + " credits";
  }
}
