package org.shardledger.prover.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.prover.TestShards;

class ShardStoreTest {
  private static final long GIB = 1L << 30;

  @TempDir
  Path dir;

  private Path data() {
    return dir.resolve("node");
  }

  private static StagedShard started(ShardStore.Staging staging) {
    assertThat(staging).isInstanceOf(ShardStore.Started.class);
    return ((ShardStore.Started) staging).shard();
  }

  private static void feed(StagedShard staged, byte[] bytes) throws IOException {
    for (int offset = 0; offset < bytes.length; offset += 10_000) {
      staged.write(ByteBuffer.wrap(bytes, offset, Math.min(10_000, bytes.length - offset)));
    }
  }

  /** Stages, feeds and commits the whole shard. */
  private static StagedShard.Outcome store(ShardStore store, Deal deal, byte[] bytes) throws IOException {
    StagedShard staged = started(store.stage(deal));
    feed(staged, bytes);
    return staged.commit();
  }

  private Deal dealOf(long id, byte[] bytes) throws IOException {
    Path file = Files.write(dir.resolve("src-" + id), bytes);
    return TestShards.deal(id, TestShards.commit(file, 4096));
  }

  private static byte[] bytes(int size, int seed) {
    byte[] b = new byte[size];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  private List<Path> staging() throws IOException {
    return Directories.list(data().resolve("staging"));
  }

  @Test
  void aShardTooLargeForAnyLongSumIsRefusedForCapacityNotWrappedIn() throws IOException {
    ShardStore store = ShardStore.open(data(), GIB);
    for (long size : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 4096, GIB + 1}) {
      ShardCommitment huge = new ShardCommitment(Bytes32.ZERO, size, 4096);
      assertThat(store.stage(TestShards.deal(1, huge))).as("size %d", size)
          .isInstanceOf(ShardStore.Refused.class)
          .extracting(r -> ((ShardStore.Refused) r).reason()).isEqualTo(ShardStore.Reason.NO_CAPACITY);
    }
    assertThat(store.reservedBytes()).isZero();
  }

  @Test
  void matchingUploadIsPublishedWholeAndSurvivesReopening() throws IOException {
    ShardStore store = ShardStore.open(data(), GIB);
    byte[] shard = bytes(100_000, 1);
    Deal deal = dealOf(3, shard);
    StagedShard staged = started(store.stage(deal));
    feed(staged, shard);
    assertThat(store.find(3)).isEmpty();
    assertThat(staged.commit()).isInstanceOf(StagedShard.Stored.class);
    StoredShard stored = store.find(3).orElseThrow();
    assertThat(Files.readAllBytes(stored.data())).isEqualTo(shard);
    assertThat(TreeFile.open(stored.tree()).root()).isEqualTo(deal.commitment().root());
    assertThat(staging()).isEmpty();
    assertThat(store.usedBytes()).isEqualTo(stored.footprint());
    assertThat(store.reservedBytes()).isZero();

    ShardStore reopened = ShardStore.open(data(), GIB);
    assertThat(reopened.find(3)).contains(stored);
    assertThat(reopened.usedBytes()).isEqualTo(stored.footprint());
  }

  @Test
  void wrongBytesAreNeverKept() throws IOException {
    ShardStore store = ShardStore.open(data(), GIB);
    byte[] shard = bytes(50_000, 2);
    Deal deal = dealOf(4, shard);
    StagedShard staged = started(store.stage(deal));
    byte[] other = shard.clone();
    other[12_345] ^= 1;
    feed(staged, other);
    StagedShard.Outcome outcome = staged.commit();
    assertThat(outcome).isInstanceOf(StagedShard.Mismatch.class);
    assertThat(((StagedShard.Mismatch) outcome).detail()).contains("root");
    assertThat(store.find(4)).isEmpty();
    assertThat(Directories.list(data().resolve("shards"))).isEmpty();
    assertThat(staging()).isEmpty();
    assertThat(store.reservedBytes()).isZero();
  }

  @Test
  void shortUploadIsASizeMismatchAndLongerOneIsRefused() throws IOException {
    ShardStore store = ShardStore.open(data(), GIB);
    byte[] shard = bytes(9_000, 3);
    Deal deal = dealOf(5, shard);
    StagedShard staged = started(store.stage(deal));
    staged.write(ByteBuffer.wrap(shard, 0, 8_000));
    assertThat(staged.commit()).isEqualTo(new StagedShard.Mismatch(true, "received 8000 bytes, the deal says 9000"));
    StagedShard longer = started(store.stage(deal));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> longer.write(ByteBuffer.wrap(new byte[9_001])))
        .isInstanceOf(IOException.class);
    longer.abort();
    assertThat(staging()).isEmpty();
  }

  @Test
  void leftoversOfACrashAreRemovedOnOpen() throws IOException {
    ShardStore store = ShardStore.open(data(), GIB);
    byte[] shard = bytes(30_000, 4);
    StagedShard staged = started(store.stage(dealOf(6, shard)));
    staged.write(ByteBuffer.wrap(shard, 0, 10_000));
    assertThat(staging()).hasSize(1);
    ShardStore afterCrash = ShardStore.open(data(), GIB);
    assertThat(afterCrash.leftoversRemoved()).isEqualTo(1);
    assertThat(staging()).isEmpty();
    assertThat(afterCrash.shards()).isEmpty();
  }

  @Test
  void capacityAndConcurrentUploadsOfOneDealAreLimited() throws IOException {
    byte[] shard = bytes(100_000, 5);
    Deal deal = dealOf(7, shard);
    ShardStore tiny = ShardStore.open(data(), 100_000);
    assertThat(tiny.stage(deal)).isInstanceOf(ShardStore.Refused.class)
        .extracting(r -> ((ShardStore.Refused) r).reason()).isEqualTo(ShardStore.Reason.NO_CAPACITY);
    ShardStore store = ShardStore.open(dir.resolve("other"), GIB);
    StagedShard first = started(store.stage(deal));
    assertThat(store.stage(deal)).isInstanceOf(ShardStore.Refused.class)
        .extracting(r -> ((ShardStore.Refused) r).reason()).isEqualTo(ShardStore.Reason.IN_PROGRESS);
    first.abort();
    started(store.stage(deal)).abort();
  }

  @Test
  void corruptionMarkIsDurableAndAReuploadReplacesTheShard() throws IOException {
    ShardStore store = ShardStore.open(data(), GIB);
    byte[] shard = bytes(20_000, 6);
    Deal deal = dealOf(8, shard);
    store(store, deal, shard);
    store.markCorrupt(8, "test");
    assertThat(ShardStore.open(data(), GIB).find(8).orElseThrow().corrupt()).isTrue();
    assertThat(store(store, deal, shard)).isInstanceOf(StagedShard.Stored.class);
    assertThat(store.find(8).orElseThrow().corrupt()).isFalse();
    assertThat(ShardStore.open(data(), GIB).find(8).orElseThrow().corrupt()).isFalse();
    assertThat(store.usedBytes()).isEqualTo(store.find(8).orElseThrow().footprint());
  }

  @Test
  void deleteRemovesEverything() throws IOException {
    ShardStore store = ShardStore.open(data(), GIB);
    byte[] shard = bytes(5_000, 7);
    store(store, dealOf(9, shard), shard);
    assertThat(store.delete(9)).isTrue();
    assertThat(store.delete(9)).isFalse();
    assertThat(store.usedBytes()).isZero();
    assertThat(Directories.list(data().resolve("shards"))).isEmpty();
    assertThat(staging()).isEmpty();
  }

  @Test
  void emptyShardIsStoredToo() throws IOException {
    ShardStore store = ShardStore.open(data(), GIB);
    Deal deal = TestShards.deal(10, new ShardCommitment(
        org.shardledger.protocol.merkle.MerkleHasher.EMPTY_ROOT, 0, 4096));
    assertThat(started(store.stage(deal)).commit()).isInstanceOf(StagedShard.Stored.class);
    assertThat(TreeFile.open(store.find(10).orElseThrow().tree()).root()).isNotEqualTo(Bytes32.ZERO);
  }
}
