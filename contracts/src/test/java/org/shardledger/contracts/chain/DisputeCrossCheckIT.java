package org.shardledger.contracts.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.challenge.ChallengeKind;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.MerkleHasher;
import org.shardledger.protocol.merkle.MerkleTree;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.SegmentProof;

/**
 * Over random shards, the contract's dispute answer check accepts exactly the answers the Java verifier accepts:
 * the same indices from the same block hash, and the same verdict on honest and tampered segments and paths.
 */
class DisputeCrossCheckIT {
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(2);
  static final KeyPair DISPUTER = DevAccounts.key(3);
  static final int SEGMENT = 256;

  @TempDir
  static Path dir;
  static LocalChain local;

  @BeforeAll
  static void start() throws Exception {
    local = LocalChain.start(AnvilConfig.defaults(AnvilBinary.require(Path.of("")), dir),
        DeployParameters.local(50, List.of(DevAccounts.key(9).address()), 1));
    local.fund(OPERATOR.address(), 1000);
    local.fund(OWNER.address(), 100_000);
    local.fund(DISPUTER.address(), 100_000);
    try (Chain operator = local.connect(OPERATOR)) {
      operator.operators().register("127.0.0.1:1", "test", 1L << 30, DeployParameters.CREDIT.multiply(
          BigInteger.valueOf(500))).mined();
    }
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  record Shard(byte[] data, ShardCommitment commitment, MerkleTree tree) {
    static Shard random(Random random) {
      int segments = 1 + random.nextInt(70);
      int tail = random.nextBoolean() ? 0 : 1 + random.nextInt(SEGMENT - 1);
      byte[] data = new byte[(segments - (tail > 0 ? 1 : 0)) * SEGMENT + tail];
      random.nextBytes(data);
      ShardCommitment c = new CommitmentBuilder(SEGMENT).update(data).finish();
      int n = (int) c.segmentCount();
      byte[] leaves = new byte[n * 32];
      for (int i = 0; i < n; i++) {
        new MerkleHasher().leaf(data, i * SEGMENT, c.segmentLength(i), leaves, i * 32);
      }
      return new Shard(data, c, MerkleTree.fromLeafHashes(leaves, n));
    }

    SegmentProof proof(long index) {
      int from = (int) index * SEGMENT;
      return new SegmentProof(index, Bytes.of(Arrays.copyOfRange(data, from, from + commitment.segmentLength(index))),
          tree.auditPath(index));
    }
  }

  @Test
  void contractAndJavaAgreeOnEveryAnswer() throws Exception {
    Random random = new Random(2026);
    int agreedValid = 0;
    int agreedInvalid = 0;
    try (Chain owner = local.connect(OWNER); Chain operator = local.connect(OPERATOR);
        Chain disputer = local.connect(DISPUTER)) {
      for (int round = 0; round < 8; round++) {
        Shard shard = Shard.random(random);
        long first = owner.currentEpoch() + 1;
        long dealId = owner.deals().propose(OPERATOR.address(), shard.commitment(), 4, BigInteger.ONE, first,
            first + 10);
        DealRecord deal = owner.deals().get(dealId).orElseThrow();
        assertThat(local.deployment().domain().digest(deal.deal().acceptance()).toArray())
            .as("the contract's DealAcceptance digest is Java's").isEqualTo(digestOnChain(owner, dealId));
        owner.deals().activate(dealId, local.deployment().domain().sign(deal.deal().acceptance(), OPERATOR))
            .mined();
        long disputeId = disputer.disputes().open(dealId, 0);
        DisputeInfo dispute = disputer.disputes().get(disputeId).orElseThrow();
        int samples = dispute.samples(); // the deal's: 8 up to 4 KiB segments, 32 KiB / segmentSize above
        local.rpc().mine(Math.max(1, dispute.beaconBlock() + 1 - disputer.blockNumber()));

        Bytes32 beacon = disputer.disputes().beacon(dispute).orElseThrow();
        Challenge challenge = new Challenge(ChallengeKind.DISPUTE, beacon, local.deployment().chainId(), dealId,
            disputeId, samples);
        long[] javaIndices = challenge.indices(shard.commitment().segmentCount());
        assertThat(disputer.disputes().challengeIndices(disputeId))
            .containsExactly(Arrays.stream(javaIndices).boxed().toArray(Long[]::new));

        for (int variant = 0; variant < 4; variant++) {
          List<SegmentProof> answer = new ArrayList<>();
          for (long index : javaIndices) {
            answer.add(shard.proof(index));
          }
          if (variant > 0) {
            tamper(answer, random, shard.commitment());
          }
          boolean javaAccepts = answer.stream()
              .allMatch(s -> ProofVerifier.verifySegment(shard.commitment(), s).isValid());
          String snapshot = local.rpc().snapshot();
          TxOutcome outcome = operator.disputes().answer(disputeId, answer);
          local.rpc().revert(snapshot);
          assertThat(outcome.succeeded()).as("round %d variant %d: %s", round, variant, outcome)
              .isEqualTo(javaAccepts);
          if (javaAccepts) {
            agreedValid++;
          } else {
            agreedInvalid++;
          }
        }
      }
    }
    assertThat(agreedValid).isGreaterThanOrEqualTo(8);
    assertThat(agreedInvalid).isGreaterThanOrEqualTo(10);
  }

  /** One random corruption: a flipped bit in a segment or a path node, a dropped or extra node, a padded tail. */
  static void tamper(List<SegmentProof> answer, Random random, ShardCommitment c) {
    int i = random.nextInt(answer.size());
    SegmentProof s = answer.get(i);
    switch (random.nextInt(4)) {
      case 0 -> {
        byte[] seg = s.segment().toArray();
        seg[random.nextInt(seg.length)] ^= (byte) (1 << random.nextInt(8));
        answer.set(i, new SegmentProof(s.index(), Bytes.of(seg), s.path()));
      }
      case 1 -> {
        if (s.path().isEmpty()) {
          answer.set(i, new SegmentProof(s.index(), s.segment(), List.of(c.root())));
        } else {
          List<Bytes32> path = new ArrayList<>(s.path());
          int p = random.nextInt(path.size());
          byte[] node = path.get(p).toArray();
          node[random.nextInt(32)] ^= 1;
          path.set(p, Bytes32.of(node));
          answer.set(i, new SegmentProof(s.index(), s.segment(), path));
        }
      }
      case 2 -> {
        List<Bytes32> path = new ArrayList<>(s.path());
        if (path.isEmpty()) {
          path.add(Bytes32.ZERO);
        } else {
          path.remove(path.size() - 1);
        }
        answer.set(i, new SegmentProof(s.index(), s.segment(), path));
      }
      default -> {
        byte[] longer = Arrays.copyOf(s.segment().toArray(), s.segment().length() + 1);
        answer.set(i, new SegmentProof(s.index(), Bytes.of(longer), s.path()));
      }
    }
  }

  static byte[] digestOnChain(Chain chain, long dealId) throws Exception {
    var web3 = org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(local.rpcUrl().toString()));
    try {
      var ledger = org.shardledger.contracts.generated.ShardLedger.load(local.deployment().ledger().toHex(), web3,
          new org.web3j.tx.ReadonlyTransactionManager(web3, OWNER.address().toHex()),
          new org.web3j.tx.gas.DefaultGasProvider());
      return ledger.dealAcceptanceDigest(BigInteger.valueOf(dealId)).send();
    } finally {
      web3.shutdown();
    }
  }
}
