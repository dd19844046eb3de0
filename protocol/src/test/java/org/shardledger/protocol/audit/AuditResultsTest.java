package org.shardledger.protocol.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.PropertySeeds;

class AuditResultsTest {
  static Stream<Long> seeds() {
    return PropertySeeds.seeds(50);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void streamedHashEqualsKeccakOfTheConcatenatedWordsInAnyInputOrder(long seed) {
    Random random = new Random(seed);
    int n = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(3000);
    List<DealResult> results = new ArrayList<>();
    long id = random.nextBoolean() ? random.nextInt(5) : random.nextLong(1L << 62); // every byte of the id used
    for (int i = 0; i < n; i++) {
      id += 1 + (random.nextInt(10) == 0 ? random.nextLong(1L << 40) : random.nextInt(3));
      results.add(new DealResult(id, AuditOutcome.values()[random.nextInt(3)]));
    }
    org.shardledger.protocol.crypto.AbiWords reference = new org.shardledger.protocol.crypto.AbiWords();
    results.forEach(r -> reference.uint(r.dealId()).uint(r.outcome().code()));
    assertThat(AuditResults.hashOfSorted(results)).isEqualTo(reference.keccak());
    List<DealResult> shuffled = new ArrayList<>(results);
    java.util.Collections.shuffle(shuffled, random);
    assertThat(AuditResults.hash(shuffled)).isEqualTo(reference.keccak());
  }
}
