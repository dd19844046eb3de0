package org.shardledger.protocol.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.PropertySeeds;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.bytes.BitFlips;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.proof.ProofVerdict.Invalid;
import org.shardledger.protocol.proof.ProofVerdict.Reason;

class ProofVerifierPropertyTest {
  private static final int SEGMENT = 256;

  static Stream<Long> seeds() {
    return PropertySeeds.seeds();
  }

  private record Case(RandomShard shard, Challenge challenge, StorageProof proof) {}

  private static Case randomCase(long seed) {
    Random random = new Random(seed);
    RandomShard shard = RandomShard.random(random, SEGMENT);
    Challenge challenge = Challenge.audit(RandomShard.randomBeacon(random), 31337, 1 + random.nextInt(1000),
        random.nextInt(10_000), 1 + random.nextInt(40));
    return new Case(shard, challenge, shard.prove(challenge));
  }

  private static Reason reasonOf(ProofVerdict verdict) {
    assertThat(verdict).isInstanceOf(Invalid.class);
    return ((Invalid) verdict).reason();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyHonestProofVerifies(long seed) {
    Case c = randomCase(seed);
    assertThat(ProofVerifier.verify(c.shard().commitment(), c.challenge(), c.proof()).isValid()).isTrue();
    assertThat(c.proof().samples()).hasSize(c.shard().commitment().segmentCount() == 0 ? 0
        : c.challenge().samples());
  }

  @Test
  void everyIndexOfAShardProvesAndVerifies() {
    Random random = new Random(3);
    for (int size : new int[] {1, 255, 256, 257, 3 * 256, 5 * 256 + 1, 64 * 256, 100 * 256 - 7}) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      RandomShard shard = RandomShard.of(data, SEGMENT);
      ShardCommitment c = shard.commitment();
      for (long i = 0; i < c.segmentCount(); i++) {
        SegmentProof sample = new SegmentProof(i, shard.segment(i),
            shard.tree().auditPath(i));
        assertThat(org.shardledger.protocol.merkle.AuditPath.verify(c.root(), i, c.segmentCount(),
            new org.shardledger.protocol.merkle.MerkleHasher().leaf(sample.segment()), sample.path()))
            .as("segment %d of a %d-byte shard", i, size).isTrue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void flippingAnyBitOfASegmentFailsWithBadPath(long seed) {
    Case c = randomCase(seed);
    if (c.proof().samples().isEmpty()) {
      return;
    }
    Random random = new Random(seed ^ 1);
    int s = random.nextInt(c.proof().samples().size());
    SegmentProof sample = c.proof().samples().get(s);
    byte[] segment = sample.segment().toArray();
    segment[random.nextInt(segment.length)] ^= (byte) (1 << random.nextInt(8));
    StorageProof tampered = replace(c.proof(), s, new SegmentProof(sample.index(), Bytes.of(segment), sample.path()));
    assertThat(reasonOf(ProofVerifier.verify(c.shard().commitment(), c.challenge(), tampered)))
        .isEqualTo(Reason.BAD_PATH);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void flippingAnyBitOfAPathNodeFailsWithBadPath(long seed) {
    Case c = randomCase(seed);
    Random random = new Random(seed ^ 2);
    List<Integer> withPaths = new ArrayList<>();
    for (int i = 0; i < c.proof().samples().size(); i++) {
      if (!c.proof().samples().get(i).path().isEmpty()) {
        withPaths.add(i);
      }
    }
    if (withPaths.isEmpty()) {
      return;
    }
    int s = withPaths.get(random.nextInt(withPaths.size()));
    SegmentProof sample = c.proof().samples().get(s);
    List<Bytes32> path = new ArrayList<>(sample.path());
    int p = random.nextInt(path.size());
    path.set(p, BitFlips.flip(path.get(p), random.nextInt(256)));
    StorageProof tampered = replace(c.proof(), s, new SegmentProof(sample.index(), sample.segment(), path));
    assertThat(reasonOf(ProofVerifier.verify(c.shard().commitment(), c.challenge(), tampered)))
        .isEqualTo(Reason.BAD_PATH);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void changingAnIndexFailsWithWrongIndex(long seed) {
    Case c = randomCase(seed);
    if (c.shard().commitment().segmentCount() < 2) {
      return;
    }
    Random random = new Random(seed ^ 3);
    int s = random.nextInt(c.proof().samples().size());
    SegmentProof sample = c.proof().samples().get(s);
    long other = sample.index() ^ (1L << random.nextInt(7));
    StorageProof tampered = replace(c.proof(), s, new SegmentProof(other, sample.segment(), sample.path()));
    assertThat(reasonOf(ProofVerifier.verify(c.shard().commitment(), c.challenge(), tampered)))
        .isEqualTo(Reason.WRONG_INDEX);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void flippingAnyBitOfTheRootFailsWithBadPath(long seed) {
    Case c = randomCase(seed);
    if (c.proof().samples().isEmpty()) {
      return;
    }
    ShardCommitment original = c.shard().commitment();
    ShardCommitment wrongRoot = new ShardCommitment(
        BitFlips.flip(original.root(), new Random(seed).nextInt(256)), original.size(),
        original.segmentSize());
    assertThat(reasonOf(ProofVerifier.verify(wrongRoot, c.challenge(), c.proof()))).isEqualTo(Reason.BAD_PATH);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aProofForAnotherEpochOrDealFails(long seed) {
    Case c = randomCase(seed);
    int bit = new Random(seed).nextInt(20);
    StorageProof otherEpoch = new StorageProof(c.proof().dealId(), c.proof().epoch() ^ (1L << bit),
        c.proof().samples());
    assertThat(reasonOf(ProofVerifier.verify(c.shard().commitment(), c.challenge(), otherEpoch)))
        .isEqualTo(Reason.WRONG_EPOCH);
    Challenge laterEpoch = Challenge.audit(c.challenge().beacon(), c.challenge().chainId(),
        c.challenge().dealId(), c.challenge().epoch() + 1, c.challenge().samples());
    assertThat(reasonOf(ProofVerifier.verify(c.shard().commitment(), laterEpoch, c.proof())))
        .isEqualTo(Reason.WRONG_EPOCH);
    StorageProof otherDeal = new StorageProof(c.proof().dealId() + 1, c.proof().epoch(), c.proof().samples());
    assertThat(reasonOf(ProofVerifier.verify(c.shard().commitment(), c.challenge(), otherDeal)))
        .isEqualTo(Reason.WRONG_DEAL);
  }

  @Test
  void aSegmentOfTheWrongLengthIsNamed() {
    RandomShard shard = RandomShard.of(new byte[3 * SEGMENT + 10], SEGMENT);
    Challenge challenge = Challenge.audit(Bytes32.ZERO, 1, 1, 1, 8);
    StorageProof proof = shard.prove(challenge);
    SegmentProof first = proof.samples().get(0);
    byte[] longer = java.util.Arrays.copyOf(first.segment().toArray(), first.segment().length() + 1);
    StorageProof tampered = replace(proof, 0, new SegmentProof(first.index(), Bytes.of(longer), first.path()));
    ProofVerdict verdict = ProofVerifier.verify(shard.commitment(), challenge, tampered);
    assertThat(reasonOf(verdict)).isEqualTo(Reason.WRONG_SEGMENT_LENGTH);
    assertThat(verdict.toString()).contains("sample 0").contains("the commitment says");
  }

  @Test
  void missingOrExtraSamplesAndPathNodesAreNamed() {
    RandomShard shard = RandomShard.of(new byte[37 * SEGMENT], SEGMENT);
    Challenge challenge = Challenge.audit(Bytes32.ZERO, 1, 1, 1, 8);
    StorageProof proof = shard.prove(challenge);
    StorageProof fewer = new StorageProof(1, 1, proof.samples().subList(0, 7));
    assertThat(reasonOf(ProofVerifier.verify(shard.commitment(), challenge, fewer)))
        .isEqualTo(Reason.WRONG_SAMPLE_COUNT);
    SegmentProof first = proof.samples().get(0);
    List<Bytes32> longer = new ArrayList<>(first.path());
    longer.add(shard.commitment().root());
    StorageProof extraNode = replace(proof, 0, new SegmentProof(first.index(), first.segment(), longer));
    assertThat(reasonOf(ProofVerifier.verify(shard.commitment(), challenge, extraNode)))
        .isEqualTo(Reason.WRONG_PATH_LENGTH);
  }

  @Test
  void anEmptyShardIsProvenByNoSamples() {
    RandomShard shard = RandomShard.of(new byte[0], SEGMENT);
    Challenge challenge = Challenge.audit(Bytes32.ZERO, 1, 1, 1, 4);
    StorageProof proof = shard.prove(challenge);
    assertThat(proof.samples()).isEmpty();
    assertThat(ProofVerifier.verify(shard.commitment(), challenge, proof).isValid()).isTrue();
  }

  static StorageProof replace(StorageProof proof, int i, SegmentProof sample) {
    List<SegmentProof> samples = new ArrayList<>(proof.samples());
    samples.set(i, sample);
    return new StorageProof(proof.dealId(), proof.epoch(), samples);
  }
}
