package org.shardledger.verifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.chainstore.Database;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.verifier.reputation.ReputationModel;

class AuditStoreTest {
  static final Address OPERATOR = Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

  @TempDir
  Path dir;

  static AuditRecord pass(long epoch, long deal) {
    return new AuditRecord(epoch, deal, OPERATOR, AuditOutcome.PASS, "VALID", "", 1, 3, null, null);
  }

  /** Audits finish on many threads at once: no reputation update may be lost (it was, before the fix). */
  @Test
  void concurrentResultsForOneOperatorAreAllCounted() throws Exception {
    try (Database db = Database.open(dir, "verifier")) {
      AuditStore store = new AuditStore(db, ReputationModel.STORJ_LIKE);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int deal = 1; deal <= 200; deal++) {
        long id = deal;
        done.add(pool.submit(() -> {
          store.recordResult(pass(5, id));
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      assertThat(store.results(5)).hasSize(200);
      assertThat(store.reputation(OPERATOR).passes()).isEqualTo(200);
      assertThat(store.reputationHistory(OPERATOR, 1000)).hasSize(200);
    }
  }

  @Test
  void aSecondResultForTheSameDealAndEpochChangesNothing() throws Exception {
    try (Database db = Database.open(dir, "verifier")) {
      AuditStore store = new AuditStore(db, ReputationModel.STORJ_LIKE);
      assertThat(store.recordResult(pass(1, 1))).isPresent();
      assertThat(store.recordResult(new AuditRecord(1, 1, OPERATOR, AuditOutcome.FAIL, "BAD_PATH", "", 1, 1, null,
          null))).isEmpty();
      assertThat(store.results(1)).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(
          AuditOutcome.PASS));
      assertThat(store.reputation(OPERATOR).fails()).isZero();
    }
  }
}
