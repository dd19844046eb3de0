package org.shardledger.client.placement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.crypto.Address;

/**
 * Where a part's shards go: shard i to {@code assignments.get(i)}, each at its operator's own asking price; the
 * eligible operators not chosen, best first, as {@code spares} for replacing one that refuses or fails; and a
 * warning when the allowed regions could not hold the region rule (see {@link Placer}).
 *
 * @param regionCap the most shards of this part any region holds or may hold after a replacement
 */
public record Placement(List<Assignment> assignments, List<Assignment> spares, int regionCap,
    Optional<String> warning, List<Exclusion> excluded) {

  /** One shard (or a spare) with one operator, at {@code pricePerEpoch} for the shard. */
  public record Assignment(Candidate candidate, BigInteger pricePerEpoch) {
    public Assignment {
      Objects.requireNonNull(candidate, "candidate");
      Objects.requireNonNull(pricePerEpoch, "pricePerEpoch");
    }

    public Address operator() {
      return candidate.operator();
    }

    public String region() {
      return candidate.region();
    }
  }

  public Placement {
    assignments = List.copyOf(assignments);
    spares = List.copyOf(spares);
    Objects.requireNonNull(warning, "warning");
    excluded = List.copyOf(excluded);
  }

  /** What the part costs per epoch: the sum of its shards' prices. */
  public BigInteger costPerEpoch() {
    return assignments.stream().map(Assignment::pricePerEpoch).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** Shards of this part per region. */
  public Map<String, Integer> shardsPerRegion() {
    Map<String, Integer> counts = new HashMap<>();
    assignments.forEach(a -> counts.merge(a.region(), 1, Integer::sum));
    return counts;
  }

  /**
   * The placement with shard {@code index}'s operator replaced by the best spare whose region stays within the cap
   * (the dropped operator is gone for good, not a spare), or empty when no spare fits.
   */
  public Optional<Placement> replace(int index) {
    Map<String, Integer> counts = shardsPerRegion();
    counts.merge(assignments.get(index).region(), -1, Integer::sum);
    for (int s = 0; s < spares.size(); s++) {
      Assignment spare = spares.get(s);
      if (counts.getOrDefault(spare.region(), 0) < regionCap) {
        List<Assignment> chosen = new ArrayList<>(assignments);
        chosen.set(index, spare);
        List<Assignment> rest = new ArrayList<>(spares);
        rest.remove(s);
        return Optional.of(new Placement(chosen, rest, regionCap, warning, excluded));
      }
    }
    return Optional.empty();
  }
}
