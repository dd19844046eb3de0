package org.shardledger.client.placement;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shardledger.client.placement.Placement.Assignment;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.terms.TermsBreach;

/**
 * Chooses k + m distinct operators for a part (DESIGN.md, "Placement"):
 * <ol>
 *   <li>eligible: in an allowed region, with free space for the shard, asking at most the owner's price, and whose
 *       signed terms admit the deal at that price ({@code OperatorTerms.check}, the one place the rules live);</li>
 *   <li>preferred: better reputation first, then more free space, then the lower price, then the address (so the
 *       choice is deterministic);</li>
 *   <li>the region rule: no region holds more than m shards of the part whenever the eligible operators allow it —
 *       then losing any one region never loses the part. When they do not (fewer than ⌈(k + m) / m⌉ regions, or too
 *       few operators in some), the cap is the smallest that places every shard, which spreads the part as evenly
 *       as the operators allow, and the placement carries a warning.</li>
 * </ol>
 * Taking the preferred operators in order while their region is under the cap places min(operators, cap) shards in
 * every region, so it places all k + m exactly when any assignment within the cap exists.
 */
public final class Placer {
  private static final BigInteger GIB = BigInteger.ONE.shiftLeft(30);

  private Placer() {}

  /** The price an operator asks for a shard of {@code size} bytes per epoch: its minimum, rounded up. */
  public static BigInteger askingPrice(Candidate candidate, long size) {
    return new java.math.BigDecimal(candidate.terms().minPricePerGiBEpoch().multiply(BigInteger.valueOf(size)))
        .divide(new java.math.BigDecimal(GIB), 0, RoundingMode.CEILING).toBigIntegerExact();
  }

  public static PlacementResult place(PlacementPolicy policy, long shardSize, List<Candidate> candidates) {
    List<Exclusion> excluded = new ArrayList<>();
    List<Assignment> eligible = new ArrayList<>();
    Set<Address> seen = new HashSet<>();
    for (Candidate c : candidates) {
      if (!seen.add(c.operator())) {
        excluded.add(new Exclusion(c.operator(), "listed twice; counted once"));
        continue;
      }
      Optional<String> why = exclusion(policy, shardSize, c);
      if (why.isPresent()) {
        excluded.add(new Exclusion(c.operator(), why.get()));
      } else {
        eligible.add(new Assignment(c, askingPrice(c, shardSize)));
      }
    }
    int needed = policy.shards();
    if (eligible.size() < needed) {
      return new PlacementResult.NotEnoughOperators(needed, eligible.size(), excluded);
    }
    eligible.sort(PREFERENCE);
    int cap = smallestCap(eligible, needed);
    List<Assignment> chosen = new ArrayList<>();
    List<Assignment> spares = new ArrayList<>();
    Map<String, Integer> perRegion = new HashMap<>();
    for (Assignment a : eligible) {
      if (chosen.size() < needed && perRegion.getOrDefault(a.region(), 0) < cap) {
        chosen.add(a);
        perRegion.merge(a.region(), 1, Integer::sum);
      } else {
        spares.add(a);
      }
    }
    Optional<String> warning = cap <= policy.safeRegionCap() ? Optional.empty() : Optional.of(String.format(
        "the allowed regions cannot hold the region rule: %s holds %d shards of a part that survives the loss of "
            + "%d; losing that region loses the part (eligible operators per region: %s)",
        busiest(perRegion), cap, policy.parity(), regionCounts(eligible)));
    return new PlacementResult.Placed(new Placement(chosen, spares, Math.max(cap, policy.safeRegionCap()),
        warning, excluded));
  }

  private static final Comparator<Assignment> PREFERENCE = Comparator
      .comparingDouble((Assignment a) -> -a.candidate().reputation())
      .thenComparing(a -> -a.candidate().terms().freeBytes())
      .thenComparing(Assignment::pricePerEpoch)
      .thenComparing(a -> a.operator().toString());

  private static Optional<String> exclusion(PlacementPolicy policy, long shardSize, Candidate c) {
    if (!policy.allows(c.region())) {
      return Optional.of("region " + c.region() + " is not allowed");
    }
    if (c.terms().freeBytes() < shardSize) {
      return Optional.of("has " + c.terms().freeBytes() + " bytes free, the shard needs " + shardSize);
    }
    if (c.terms().maxUnactivatedBytes() < shardSize) {
      return Optional.of("holds at most " + c.terms().maxUnactivatedBytes() + " bytes of unactivated shards, the "
          + "shard has " + shardSize);
    }
    if (c.terms().minPricePerGiBEpoch().compareTo(policy.maxPricePerGiBEpoch()) > 0) {
      return Optional.of("asks " + c.terms().minPricePerGiBEpoch() + " per GiB-epoch, above the maximum "
          + policy.maxPricePerGiBEpoch());
    }
    Deal deal = new Deal(1, Address.ZERO, c.operator(), new ShardCommitment(Bytes32.ZERO, shardSize,
        ShardCommitment.DEFAULT_SEGMENT_SIZE), policy.samples(), askingPrice(c, shardSize), policy.firstEpoch(),
        policy.lastEpoch());
    return c.terms().check(deal, policy.now()).map(TermsBreach::message).map(b -> "its terms refuse the deal: " + b);
  }

  /** The smallest per-region cap under which the eligible operators can take all {@code needed} shards. */
  private static int smallestCap(List<Assignment> eligible, int needed) {
    Map<String, Integer> counts = regionCounts(eligible);
    for (int cap = 1; ; cap++) {
      int placeable = 0;
      for (int n : counts.values()) {
        placeable += Math.min(n, cap);
      }
      if (placeable >= needed) {
        return cap;
      }
    }
  }

  private static Map<String, Integer> regionCounts(List<Assignment> eligible) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    eligible.forEach(a -> counts.merge(a.region(), 1, Integer::sum));
    return counts;
  }

  private static String busiest(Map<String, Integer> perRegion) {
    return perRegion.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("?");
  }
}
