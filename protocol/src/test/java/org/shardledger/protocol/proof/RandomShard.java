package org.shardledger.protocol.proof;

import java.util.Arrays;
import java.util.Random;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.MerkleHasher;
import org.shardledger.protocol.merkle.MerkleTree;
import org.shardledger.protocol.merkle.ShardCommitment;

/** A shard in memory with its commitment and tree, for proof tests. */
public record RandomShard(byte[] data, ShardCommitment commitment, MerkleTree tree) {

  public static RandomShard of(byte[] data, int segmentSize) {
    ShardCommitment commitment = new CommitmentBuilder(segmentSize).update(data).finish();
    int n = (int) commitment.segmentCount();
    MerkleHasher hasher = new MerkleHasher();
    byte[] leaves = new byte[n * 32];
    for (int i = 0; i < n; i++) {
      hasher.leaf(data, i * segmentSize, commitment.segmentLength(i), leaves, i * 32);
    }
    return new RandomShard(data, commitment, MerkleTree.fromLeafHashes(leaves, n));
  }

  /** 0 bytes, 1 byte, exact multiples of the segment, power-of-two counts and not, short last segments. */
  public static RandomShard random(Random random, int segmentSize) {
    int segments = switch (random.nextInt(5)) {
      case 0 -> random.nextInt(2);
      case 1 -> 1 << random.nextInt(7);
      default -> random.nextInt(90);
    };
    int tail = random.nextBoolean() ? 0 : random.nextInt(segmentSize);
    byte[] data = new byte[segments * segmentSize + tail];
    random.nextBytes(data);
    return of(data, segmentSize);
  }

  public Bytes segment(long index) {
    int offset = (int) index * commitment.segmentSize();
    return Bytes.of(Arrays.copyOfRange(data, offset, offset + commitment.segmentLength(index)));
  }

  public SegmentReader reader() {
    return (index, length) -> Bytes.of(Arrays.copyOfRange(data, (int) index * commitment.segmentSize(),
        (int) index * commitment.segmentSize() + length));
  }

  public StorageProof prove(Challenge challenge) {
    try {
      return ProofBuilder.build(challenge, commitment, tree, reader());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Bytes32 randomBeacon(Random random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Bytes32.of(b);
  }
}
