package org.shardledger.bench.prover;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.merkle.ShardHasher;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.TestShards;
import org.shardledger.prover.view.InMemoryDealDirectory;

/**
 * What the prover and wire benchmarks share: the prover tests' keys and shard files ({@link TestShards}), a deal
 * proposed in memory, page-cache eviction and percentiles.
 */
public final class BenchShards {
  public static final KeyPair OPERATOR = TestShards.OPERATOR;
  public static final Eip712Domain DOMAIN = TestShards.DOMAIN;
  public static final OperatorIdentity IDENTITY = TestShards.IDENTITY;

  private BenchShards() {}

  /** Writes {@code size} pseudo-random bytes and fsyncs them (so that they can be evicted). */
  public static Path write(Path file, long size) throws IOException {
    TestShards.write(file, size, size);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    return file;
  }
  /** A deal for the shard in {@code file}, proposed in {@code deals}. */
  public static Deal propose(InMemoryDealDirectory deals, long id, Path file, int samples) throws IOException {
    Deal deal = new Deal(id, TestShards.OWNER.address(), OPERATOR.address(), new ShardHasher(4096).commit(file), samples,
        BigInteger.ONE, 0, 1_000_000);
    deals.put(deal, DealStatus.ACTIVE);
    return deal;
  }

  /** Drops the file's pages from the page cache (posix_fadvise DONTNEED through dd; the file must be synced). */
  public static void evict(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("dd", "if=" + file, "iflag=nocache", "count=0", "status=none")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IOException("dd could not evict " + file);
    }
  }

  static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
