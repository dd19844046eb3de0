package org.shardledger.chainstore.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.chainstore.Database;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.settlement.SettlementResult;
import org.shardledger.protocol.settlement.SettlementState;

class SettlementStoreTest {
  @TempDir
  Path dir;

  @Test
  void refusesASettlementThatDoesNotFollowTheCurrentStateAndKeepsSignaturesAndTheTransaction() throws Exception {
    RandomHistory history = new RandomHistory(42);
    try (Database db = Database.open(dir, "role")) {
      H2SettlementStore store = H2SettlementStore.open(db);
      SettlementState genesis = store.current();
      SettlementResult first = history.settle(genesis, 0);
      var key = RandomHistory.VERIFIERS.get(1);
      SettledEpoch settled = new SettledEpoch(0, first.settlement(), first.slashes(), first.terminations(), first.held(),
          first.payoutTree().size(), Map.of(key.address(), RandomHistory.DOMAIN.sign(first.settlement(), key)),
          Optional.empty());
      store.record(settled, genesis, first.state());
      assertThatThrownBy(() -> store.record(settled, genesis, first.state()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("the store is at 1");
      store.recordTransaction(0, new SettlementTx(Bytes32.ofUnsigned(7), 99));
      SettledEpoch back = store.settled(0).orElseThrow();
      assertThat(back.signatures()).isEqualTo(settled.signatures());
      assertThat(back.tx()).contains(new SettlementTx(Bytes32.ofUnsigned(7), 99));
      assertThat(store.covering(5)).isEmpty();
      assertThatThrownBy(() -> store.recordTransaction(3, new SettlementTx(Bytes32.ZERO, 1)))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
