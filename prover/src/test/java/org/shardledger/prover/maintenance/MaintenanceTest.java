package org.shardledger.prover.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.prover.ProverStatusLog.Event;
import org.shardledger.prover.serve.BackendFixture;
import org.shardledger.prover.store.ShardCheck;
import org.shardledger.prover.store.StoredShard;
import org.shardledger.wire.server.OperatorBackend;

class MaintenanceTest {
  @TempDir
  Path dir;

  private BackendFixture f;
  private Scrubber scrubber;

  @BeforeEach
  void setUp() throws IOException {
    f = new BackendFixture(dir);
    scrubber = new Scrubber(f.store, 1L << 40, f.status);
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x01);
    }
  }

  @Test
  void scrubberFindsADamagedShardAndMarksIt() throws Exception {
    Deal good = f.propose(1, 200_000);
    Deal bad = f.propose(2, 200_000);
    f.upload(good);
    f.upload(bad);
    assertThat(scrubber.pass()).isZero();
    flipByte(f.store.find(2).orElseThrow().data(), 123_456);
    assertThat(scrubber.pass()).isEqualTo(1);
    assertThat(f.store.find(2).orElseThrow().corrupt()).isTrue();
    assertThat(f.store.find(1).orElseThrow().corrupt()).isFalse();
    assertThat(f.status.count(Event.CORRUPTION_FOUND)).isEqualTo(1);
    f.beacon(3);
    assertThat(f.backend.answerChallenge(2, 3)).isInstanceOf(OperatorBackend.SignedNoData.class);
  }

  @Test
  void scrubberRebuildsADamagedTreeCacheOfAnIntactShard() throws Exception {
    Deal deal = f.propose(3, 100 * 4096);
    f.upload(deal);
    StoredShard shard = f.store.find(3).orElseThrow();
    f.beacon(2);
    assertThat(f.backend.answerChallenge(3, 2)).isInstanceOf(OperatorBackend.SignedProof.class);
    for (int node = 0; node < 50; node++) {
      flipByte(shard.tree(), 64 + 32 * 100 + 32 * node + 5);
    }
    assertThat(ShardCheck.check(shard, bytes -> { })).isEqualTo(new ShardCheck.CacheDamaged(50));
    assertThat(scrubber.pass()).isZero();
    assertThat(f.status.count(Event.TREE_CACHE_REPAIRED)).isEqualTo(1);
    assertThat(ShardCheck.check(shard, bytes -> { })).isEqualTo(new ShardCheck.Intact());
    assertThat(f.store.find(3).orElseThrow().corrupt()).isFalse();
    assertThat(f.backend.answerChallenge(3, 2)).as("challenges read the rebuilt cache")
        .isInstanceOf(OperatorBackend.SignedProof.class);
  }

  @Test
  void scrubbingKeepsToItsRate() throws Exception {
    f.upload(f.propose(4, 2_000_000));
    long started = System.nanoTime();
    new Scrubber(f.store, 4_000_000, f.status).pass();
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
  }

  @Test
  void janitorDeletesShardsOfEndedOrCancelledDealsAfterTheGrace() throws Exception {
    Deal ending = f.propose(5, 10_000);
    Deal cancelled = f.propose(6, 10_000);
    Deal unknown = f.propose(7, 10_000);
    f.upload(ending);
    f.upload(cancelled);
    f.upload(unknown);
    Deal stillOpen = new Deal(6, cancelled.owner(), cancelled.operator(), cancelled.commitment(),
        cancelled.samples(), cancelled.pricePerEpoch(), 200, 300);
    f.deals.put(stillOpen, DealStatus.PROPOSED);
    f.deals.put(ending, DealStatus.ACTIVE);
    f.deals.remove(7);
    Janitor janitor = new Janitor(f.store, f.deals, f.clock, 3, f.status);
    f.clock.set(ending.lastEpoch() + 3);
    assertThat(janitor.sweep()).isZero();
    f.deals.put(stillOpen, DealStatus.CANCELLED);
    assertThat(janitor.sweep()).isEqualTo(1);
    assertThat(f.store.find(6)).isEmpty();
    f.clock.set(ending.lastEpoch() + 4);
    assertThat(janitor.sweep()).isEqualTo(1);
    assertThat(f.store.find(5)).isEmpty();
    assertThat(f.store.find(7)).as("a deal the chain does not know is kept").isPresent();
    assertThat(f.status.count(Event.SHARD_DELETED)).isEqualTo(2);
  }

  @Test
  void janitorDeletesShardsOfProposalsWhoseActivationWindowClosed() throws Exception {
    Deal uploaded = f.propose(8, 10_000);
    f.upload(uploaded);
    Deal proposal = new Deal(8, uploaded.owner(), uploaded.operator(), uploaded.commitment(), uploaded.samples(),
        uploaded.pricePerEpoch(), 7, 20);
    f.deals.put(proposal, DealStatus.PROPOSED);
    Janitor janitor = new Janitor(f.store, f.deals, f.clock, 3, f.status);
    f.clock.set(7);
    assertThat(janitor.sweep()).as("activation is possible until epoch 7 ends").isZero();
    f.deals.put(proposal, DealStatus.ACTIVE);
    f.clock.set(8);
    assertThat(janitor.sweep()).as("activated in time").isZero();
    f.deals.put(proposal, DealStatus.PROPOSED);
    assertThat(janitor.sweep()).isEqualTo(1);
    assertThat(f.store.find(8)).isEmpty();
  }
}
