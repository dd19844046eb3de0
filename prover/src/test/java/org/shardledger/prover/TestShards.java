package org.shardledger.prover;

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
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.RetrievalTicket;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.merkle.ShardHasher;
import org.shardledger.testkit.TestDomain;

/** Keys, a domain, deterministic shard files and deals for the prover's tests. */
public final class TestShards {
  public static final KeyPair OPERATOR = KeyPair.fromPrivateKey(BigInteger.valueOf(0x0b5e55ed));
  public static final KeyPair OWNER = KeyPair.fromPrivateKey(BigInteger.valueOf(0x0e0e0e));
  public static final Eip712Domain DOMAIN = TestDomain.DOMAIN;
  public static final OperatorIdentity IDENTITY = new OperatorIdentity(OPERATOR, DOMAIN);

  private TestShards() {}

  /** Writes {@code size} pseudo-random bytes derived from {@code seed}. */
  public static Path write(Path file, long size, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
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
    }
    return file;
  }

  public static ShardCommitment commit(Path file, int segmentSize) throws IOException {
    return new ShardHasher(segmentSize).commit(file);
  }

  /** A deal of this operator for epochs 1..100, 8 samples (the fixtures' clocks start at 1: it can be activated). */
  public static Deal deal(long id, ShardCommitment commitment) {
    return deal(id, commitment, OPERATOR.address());
  }

  public static Deal deal(long id, ShardCommitment commitment, Address operator) {
    return new Deal(id, OWNER.address(), operator, commitment, 8, BigInteger.valueOf(1000), 1, 100);
  }

  /** The owner's ticket to retrieve its own shard of {@code dealId}, for an hour. */
  public static RetrievalTicket ownersTicket(long dealId) {
    return new RetrievalTicket(dealId, OWNER.address(), java.time.Instant.now().getEpochSecond() + 3600);
  }

  public static Signature signedByOwner(RetrievalTicket ticket) {
    return DOMAIN.sign(ticket, OWNER);
  }
}
