package org.shardledger.prover.dashboard;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.shardledger.prover.dispute.OpenDisputes.OpenDispute;
import org.shardledger.prover.dispute.OpenDisputes.Stage;
import org.shardledger.prover.store.StoredShard;

/**
 * What needs the operator's attention, from what the node knows about itself: a shard that fails its check, a
 * dispute it cannot answer or is late with, gas running low, the node falling behind the chain, a store nearly
 * full. Each concern says what it costs if left alone.
 */
public final class Attention {
  /** One thing to look at. */
  public record Concern(Kind kind, String message) {
    public Concern {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  public enum Kind { SHARD_FAILING, SHARD_UNREADABLE, DISPUTE_UNPROVABLE, DISPUTE_BEHIND, GAS_LOW, FALLING_BEHIND,
    STORE_FULL }

  /**
   * When a level is a concern.
   *
   * @param lowGasWei a gas balance below this cannot be relied on to answer a dispute
   * @param behindBlocks a follower further than this from the head acts on an old chain
   * @param fullRatio a store fuller than this refuses the next deals
   */
  public record Limits(BigInteger lowGasWei, long behindBlocks, double fullRatio) {
    /** 0.05 ether (a dispute answer is about 0.3 M gas), 50 blocks, 90 %. */
    public static Limits defaults() {
      return new Limits(BigInteger.TEN.pow(16).multiply(BigInteger.valueOf(5)), 50, 0.9);
    }
  }

  private final Limits limits;

  public Attention(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Every concern, most costly first (disputes, then shards, then funds and lag). */
  public List<Concern> concerns(Collection<StoredShard> shards, List<Path> unreadable, List<OpenDispute> disputes,
      BigInteger gasWei, long lagBlocks, long usedBytes, long capacityBytes) {
    List<Concern> out = new ArrayList<>();
    for (OpenDispute d : disputes) {
      if (d.stage() == Stage.UNPROVABLE) {
        out.add(new Concern(Kind.DISPUTE_UNPROVABLE, "dispute " + d.disputeId() + " on deal " + d.dealId()
            + " cannot be answered (no readable shard): unanswered by block " + d.deadlineBlock()
            + " it slashes the stake"));
      } else if (d.behind()) {
        out.add(new Concern(Kind.DISPUTE_BEHIND, "dispute " + d.disputeId() + " on deal " + d.dealId()
            + " has used half its window without a mined answer (deadline block " + d.deadlineBlock()
            + "): check gas funds, gas price and the chain RPC"));
      }
    }
    for (StoredShard s : shards) {
      if (s.corrupt()) {
        out.add(new Concern(Kind.SHARD_FAILING, "the shard of deal " + s.dealId()
            + " failed its check: its audits FAIL and its deal is slashed until it is replaced"));
      }
    }
    for (Path p : unreadable) {
      out.add(new Concern(Kind.SHARD_UNREADABLE, "a shard directory cannot be read: " + p.getFileName()));
    }
    if (gasWei.compareTo(limits.lowGasWei()) < 0) {
      out.add(new Concern(Kind.GAS_LOW, "gas funds are low (" + gasWei + " wei): disputes may go unanswered and "
          + "claims cannot be sent"));
    }
    if (lagBlocks > limits.behindBlocks()) {
      out.add(new Concern(Kind.FALLING_BEHIND, "the node is " + lagBlocks + " blocks behind the chain head: it "
          + "sees disputes late"));
    }
    if (capacityBytes > 0 && usedBytes > limits.fullRatio() * capacityBytes) {
      out.add(new Concern(Kind.STORE_FULL, "the store is " + (100 * usedBytes / capacityBytes)
          + " % full: new deals will be refused"));
    }
    return out;
  }
}
