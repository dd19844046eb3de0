package org.shardledger.chainstore.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.chainstore.Database;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.payout.PayoutTree;
import org.shardledger.protocol.settlement.SettlementResult;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.testkit.PropertySeeds;

/**
 * What a store keeps, over random histories settled with gaps: no account's cumulative amount ever decreases from
 * one settled epoch to the next; every settled epoch's amounts rebuild its payout root; the state restored after a
 * reopen is the state recorded; H2 and the in-memory store answer alike.
 */
class SettlementStorePropertyTest {
  @TempDir
  Path dir;

  /** Half the property tries: each case opens an H2 database twice (migrations included). */
  static Stream<Long> seeds() {
    return RandomHistory.seeds().limit(PropertySeeds.tries(2));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void storesEverySettlementSoThatAmountsNeverDecreaseAndRootsRebuild(long seed) throws Exception {
    RandomHistory history = new RandomHistory(seed);
    List<SettlementResult> results = new ArrayList<>();
    Set<Address> accounts = new HashSet<>();
    InMemorySettlementStore memory = new InMemorySettlementStore();
    Path file = dir.resolve("s" + Long.toHexString(seed));
    try (Database db = Database.open(file, "role")) {
      H2SettlementStore h2 = H2SettlementStore.open(db);
      for (long target : history.schedule) {
        SettlementState before = h2.current();
        assertThat(memory.current().nextEpoch()).isEqualTo(before.nextEpoch());
        SettlementResult result = history.settle(before, target);
        SettledEpoch settled = new SettledEpoch(before.nextEpoch(), result.settlement(), result.slashes(), result.terminations(),
            result.held(), result.payoutTree().size(), Map.of(), Optional.empty());
        h2.record(settled, before, result.state());
        memory.record(settled, memory.current(), result.state());
        results.add(result);
        accounts.addAll(result.state().cumulative().keySet());
      }
    }

    try (Database db = Database.open(file, "role")) {
      H2SettlementStore reopened = H2SettlementStore.open(db);
      SettlementState last = results.getLast().state();
      SettlementState restored = reopened.current();
      assertThat(restored.nextEpoch()).isEqualTo(last.nextEpoch());
      assertThat(restored.deals()).isEqualTo(last.deals());
      assertThat(restored.cumulative()).isEqualTo(last.cumulative());
      assertThat(restored.escrowed()).isEqualTo(last.escrowed());

      for (SettlementStore store : List.<SettlementStore>of(reopened, memory)) {
        for (SettlementResult result : results) {
          long epoch = result.settlement().epoch();
          Map<Address, BigInteger> amounts = store.amountsAt(epoch);
          assertThat(amounts).isEqualTo(result.state().cumulative());
          assertThat(PayoutTree.of(amounts).root()).isEqualTo(result.settlement().payoutRoot());
          assertThat(store.settled(epoch).orElseThrow().settlement()).isEqualTo(result.settlement());
          assertThat(store.settled(epoch).orElseThrow().slashes()).isEqualTo(result.slashes());
        }
        long lastEpoch = results.getLast().settlement().epoch();
        for (Address account : accounts) {
          BigInteger previous = BigInteger.ZERO;
          for (long e = 0; e <= lastEpoch; e++) {
            BigInteger now = store.cumulativeAt(account, e);
            assertThat(now).as("%s at epoch %d", account, e).isGreaterThanOrEqualTo(previous);
            previous = now;
          }
          List<AmountAt> changes = store.changes(account, 0, lastEpoch);
          assertThat(changes).isSortedAccordingTo((a, b) -> Long.compare(a.epoch(), b.epoch()));
          for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).cumulative()).isGreaterThan(changes.get(i - 1).cumulative());
          }
        }
        for (long e = 0; e <= lastEpoch; e++) {
          long epoch = e;
          Optional<SettledEpoch> covering = store.covering(e);
          assertThat(covering).as("epoch %d", e).isPresent();
          assertThat(covering.orElseThrow().covers(epoch)).isTrue();
        }
        assertThat(store.latest().orElseThrow().settlement()).isEqualTo(results.getLast().settlement());
      }
    }
  }
}
