package org.shardledger.client.put;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.shardledger.client.file.EncodedFile;
import org.shardledger.client.placement.Exclusion;
import org.shardledger.client.placement.Placement;
import org.shardledger.client.placement.Placement.Assignment;
import org.shardledger.client.put.OwnerChain.RegisteredOperator;
import org.shardledger.protocol.crypto.Address;

/**
 * Where a put will store each shard and what it costs: per part, the placement (shard i with assignment i) and the
 * extra uploads that race the slowest shards; the deals' epochs; and the operators left out with why.
 */
public record PutPlan(EncodedFile encoded, List<PartPlan> parts, long firstEpoch, long lastEpoch, int samples,
    List<Exclusion> excluded, java.util.Map<Address, RegisteredOperator> endpoints, int parallelUploads) {

  /** A part's placement and its races: {@code races.get(j)} uploads shard {@code raceShards.get(j)} a second time. */
  public record PartPlan(int part, Placement placement, List<Integer> raceShards, List<Assignment> races) {
    public PartPlan {
      Objects.requireNonNull(placement, "placement");
      raceShards = List.copyOf(raceShards);
      races = List.copyOf(races);
    }
  }

  public PutPlan {
    parts = List.copyOf(parts);
    excluded = List.copyOf(excluded);
    endpoints = java.util.Map.copyOf(endpoints);
  }

  public long epochs() {
    return lastEpoch - firstEpoch + 1;
  }

  /** What the stored file costs per epoch once the races are settled (k + m deals per part). */
  public BigInteger costPerEpoch() {
    return parts.stream().map(p -> p.placement().costPerEpoch()).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** Escrow locked while the put runs, races included (the losers' comes back when they are cancelled). */
  public BigInteger escrowDuringPut() {
    BigInteger perEpoch = costPerEpoch();
    for (PartPlan p : parts) {
      for (Assignment a : p.races()) {
        perEpoch = perEpoch.add(a.pricePerEpoch());
      }
    }
    return perEpoch.multiply(BigInteger.valueOf(epochs()));
  }

  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (PartPlan p : parts) {
      p.placement().warning().ifPresent(w -> out.add("part " + p.part() + ": " + w));
    }
    return out;
  }

  /** A human-readable summary: what --dry-run prints. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("%d part(s), deals for epochs %d..%d (%d epochs), %d samples per epoch%n",
        parts.size(), firstEpoch, lastEpoch, epochs(), samples));
    for (PartPlan p : parts) {
      List<Assignment> shards = p.placement().assignments();
      for (int i = 0; i < shards.size(); i++) {
        Assignment a = shards.get(i);
        text.append(String.format("  part %d shard %d -> %s in %s at %s per epoch%n", p.part(), i, a.operator(),
            a.region(), a.pricePerEpoch()));
      }
      for (int j = 0; j < p.races().size(); j++) {
        text.append(String.format("  part %d shard %d also raced on %s in %s%n", p.part(), p.raceShards().get(j),
            p.races().get(j).operator(), p.races().get(j).region()));
      }
    }
    text.append(String.format("cost: %s per epoch, %s in all; escrow while uploading: %s%n", costPerEpoch(),
        costPerEpoch().multiply(java.math.BigInteger.valueOf(epochs())), escrowDuringPut()));
    warnings().forEach(w -> text.append("warning: ").append(w).append('\n'));
    excluded.forEach(e -> text.append("left out: ").append(e.operator()).append(": ").append(e.reason())
        .append('\n'));
    return text.toString();
  }
}
