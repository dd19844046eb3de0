package org.shardledger.bench.prover;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.merkle.ShardHasher;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.chain.InMemoryDealDirectory;

/** Keys, a deal and a pseudo-random shard file for the prover and wire benchmarks. */
public final class BenchShards {
  public static final KeyPair OPERATOR = KeyPair.fromPrivateKey(BigInteger.valueOf(0xbe4c4));
  public static final Eip712Domain DOMAIN = Eip712Domain.shardledger(31337,
      Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3"));
  public static final OperatorIdentity IDENTITY = new OperatorIdentity(OPERATOR, DOMAIN);

  private BenchShards() {}

  public static Path write(Path file, long size) throws IOException {
    SplittableRandom random = new SplittableRandom(size);
    ByteBuffer buffer = ByteBuffer.allocateDirect(4 << 20);
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      for (long left = size; left > 0; ) {
        buffer.clear();
        while (buffer.remaining() >= 8) {
          buffer.putLong(random.nextLong());
        }
        buffer.flip().limit((int) Math.min(buffer.limit(), left));
        left -= buffer.remaining();
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
      }
      out.force(true);
    }
    return file;
  }

  /** A deal for the shard in {@code file}, proposed in {@code deals}. */
  public static Deal propose(InMemoryDealDirectory deals, long id, Path file, int samples) throws IOException {
    Deal deal = new Deal(id, Address.ZERO, OPERATOR.address(), new ShardHasher(4096).commit(file), samples,
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
