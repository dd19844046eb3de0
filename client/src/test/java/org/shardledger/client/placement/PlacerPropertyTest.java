package org.shardledger.client.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.client.placement.Placement.Assignment;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.terms.OperatorTerms;

class PlacerPropertyTest {
  private static final long SHARD = 1 << 20;
  private static final List<String> REGIONS = List.of("eu-west", "eu-north", "us-east", "us-west", "ap-south");

  private static Candidate candidate(int n, String region, double reputation, long price, long free) {
    byte[] raw = new byte[20];
    raw[18] = (byte) (n >> 8);
    raw[19] = (byte) n;
    raw[0] = 1;
    Address address = Address.of(raw);
    OperatorTerms terms = new OperatorTerms(address, BigInteger.valueOf(price), 1000, 1L << 40, 10, 100,
        1L << 40, free, 0);
    return new Candidate(address, region, terms, reputation);
  }

  private static List<Candidate> randomCandidates(Random random, int count, int regions) {
    List<Candidate> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(candidate(i, REGIONS.get(random.nextInt(regions)), random.nextInt(11) / 10.0,
          random.nextInt(5), random.nextInt(10) == 0 ? SHARD - 1 : 1L << 34));
    }
    return all;
  }

  private static PlacementPolicy policy(int k, int m, Set<String> regions) {
    return new PlacementPolicy(k, m, regions, BigInteger.valueOf(3), 5, 20, 4, 3);
  }

  @ParameterizedTest
  @MethodSource("org.shardledger.client.PropertySeeds#seeds")
  void aPlacementUsesDistinctEligibleOperatorsInAllowedRegionsAndHoldsTheRegionRuleWheneverPossible(long seed) {
    Random random = new Random(seed);
    int k = 1 + random.nextInt(8);
    int m = 1 + random.nextInt(4);
    int regions = 1 + random.nextInt(REGIONS.size());
    List<Candidate> candidates = randomCandidates(random, random.nextInt(40), regions);
    Set<String> allowed = random.nextBoolean() ? Set.of() : Set.copyOf(REGIONS.subList(0, 1 + random.nextInt(regions)));
    PlacementPolicy policy = policy(k, m, allowed);

    List<Candidate> eligible = candidates.stream().filter(c -> policy.allows(c.region()))
        .filter(c -> c.terms().freeBytes() >= SHARD).filter(c -> c.terms().minPricePerGiBEpoch().intValue() <= 3)
        .toList();
    PlacementResult result = Placer.place(policy, SHARD, candidates);
    if (eligible.size() < k + m) {
      assertThat(result).isInstanceOf(PlacementResult.NotEnoughOperators.class);
      PlacementResult.NotEnoughOperators none = (PlacementResult.NotEnoughOperators) result;
      assertThat(none.eligible()).isEqualTo(eligible.size());
      assertThat(none.excluded()).hasSize(candidates.size() - eligible.size());
      return;
    }
    Placement placement = ((PlacementResult.Placed) result).placement();
    List<Address> chosen = placement.assignments().stream().map(Assignment::operator).toList();
    assertThat(chosen).hasSize(k + m).doesNotHaveDuplicates();
    assertThat(placement.assignments()).allMatch(a -> eligible.contains(a.candidate()));
    assertThat(placement.spares()).extracting(Assignment::operator).doesNotContainAnyElementsOf(chosen);
    assertThat(placement.assignments().size() + placement.spares().size()).isEqualTo(eligible.size());

    Map<String, Long> perRegion = new HashMap<>();
    eligible.forEach(c -> perRegion.merge(c.region(), 1L, Long::sum));
    long placeableWithinRule = perRegion.values().stream().mapToLong(n -> Math.min(n, m)).sum();
    int busiest = placement.shardsPerRegion().values().stream().max(Integer::compare).orElseThrow();
    if (placeableWithinRule >= k + m) {
      assertThat(busiest).as("no region holds more than m shards").isLessThanOrEqualTo(m);
      assertThat(placement.warning()).isEmpty();
    } else {
      assertThat(placement.warning()).isPresent();
      long placeableBelow = perRegion.values().stream().mapToLong(n -> Math.min(n, busiest - 1)).sum();
      assertThat(placeableBelow).as("the busiest region could not hold fewer").isLessThan(k + m);
    }
  }

  @ParameterizedTest
  @MethodSource("org.shardledger.client.PropertySeeds#seeds")
  void aReplacementKeepsTheOperatorsDistinctAndTheRegionCap(long seed) {
    Random random = new Random(seed);
    List<Candidate> candidates = randomCandidates(random, 12 + random.nextInt(30), 3 + random.nextInt(3));
    PlacementResult result = Placer.place(policy(4, 2, Set.of()), SHARD, candidates);
    if (!(result instanceof PlacementResult.Placed placed)) {
      return;
    }
    Placement placement = placed.placement();
    Set<Address> dropped = new HashSet<>();
    for (int round = 0; round < 5; round++) {
      int index = random.nextInt(placement.assignments().size());
      Address gone = placement.assignments().get(index).operator();
      var next = placement.replace(index);
      if (next.isEmpty()) {
        break;
      }
      dropped.add(gone);
      placement = next.get();
      assertThat(placement.assignments()).extracting(Assignment::operator).doesNotHaveDuplicates()
          .doesNotContainAnyElementsOf(dropped);
      assertThat(placement.shardsPerRegion().values()).allMatch(n -> n <= placed.placement().regionCap());
    }
  }

  @Test
  void theIssuesExampleSixOperatorsInThreeRegionsTakeTwoEach() {
    List<Candidate> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(candidate(i, REGIONS.get(i % 3), 1.0, 1, 1L << 34));
    }
    Placement placement = ((PlacementResult.Placed) Placer.place(policy(4, 2, Set.of()), SHARD, six)).placement();
    assertThat(placement.shardsPerRegion()).containsOnly(Map.entry("eu-west", 2), Map.entry("eu-north", 2),
        Map.entry("us-east", 2));
    assertThat(placement.warning()).isEmpty();
    assertThat(placement.costPerEpoch()).isEqualTo(BigInteger.valueOf(6)); // 1 per GiB-epoch, 1 MiB: rounded up
  }

  @Test
  void oneRegionOnlyPlacesButWarnsThatLosingItLosesThePart() {
    List<Candidate> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(candidate(i, "eu-west", 1.0, 1, 1L << 34));
    }
    Placement placement = ((PlacementResult.Placed) Placer.place(policy(4, 2, Set.of()), SHARD, six)).placement();
    assertThat(placement.warning()).get().asString().contains("eu-west holds 6 shards");
  }

  @Test
  void theBetterReputationWinsAndTheRestAreSparesInOrder() {
    List<Candidate> all = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      all.add(candidate(i, REGIONS.get(i % 4), i / 10.0, 1, 1L << 34));
    }
    Placement placement = ((PlacementResult.Placed) Placer.place(policy(2, 2, Set.of()), SHARD, all)).placement();
    assertThat(placement.assignments()).extracting(a -> a.candidate().reputation())
        .containsExactly(0.7, 0.6, 0.5, 0.4);
    assertThat(placement.spares()).extracting(a -> a.candidate().reputation()).containsExactly(0.3, 0.2, 0.1, 0.0);
  }

  @Test
  void everyExcludedOperatorIsNamedWithItsReason() {
    List<Candidate> all = List.of(candidate(1, "eu-west", 1, 1, 1L << 34), candidate(2, "mars", 1, 1, 1L << 34),
        candidate(3, "eu-west", 1, 9, 1L << 34), candidate(4, "eu-west", 1, 1, 10));
    PlacementResult result = Placer.place(policy(1, 1, Set.of("eu-west")), SHARD, all);
    assertThat(result).isInstanceOf(PlacementResult.NotEnoughOperators.class);
    String text = ((PlacementResult.NotEnoughOperators) result).describe();
    assertThat(text).contains("need 2 distinct operators", "found 1", "region mars is not allowed",
        "asks 9 per GiB-epoch", "has 10 bytes free");
  }

  @Test
  void termsThatRefuseTheDealExcludeTheOperator() {
    Candidate shortTerms = new Candidate(candidate(9, "eu-west", 1, 1, 1L << 34).operator(), "eu-west",
        new OperatorTerms(candidate(9, "eu-west", 1, 1, 1L << 34).operator(), BigInteger.ONE, 3, 1L << 40, 10, 100,
            1L << 40, 1L << 34, 0), 1);
    PlacementResult result = Placer.place(policy(1, 1, Set.of()), SHARD, List.of(shortTerms));
    assertThat(((PlacementResult.NotEnoughOperators) result).describe()).contains("rule maxDurationEpochs");
  }
}
