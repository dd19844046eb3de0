package org.shardledger.verifier.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.ProofResponse;
import org.shardledger.protocol.merkle.Sha256;
import org.shardledger.protocol.merkle.ShardHasher;
import org.shardledger.protocol.proof.ProofBuilder;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.protocol.proof.StorageProofCodec;
import org.shardledger.wire.client.ChallengeResult;
import org.shardledger.testkit.TestDomain;

/** An operator holding one shard, answering as the test wants: honestly, with a wrong segment, or not at all. */
final class AuditFixture {
  static final long CHAIN_ID = TestDomain.CHAIN_ID;
  static final Eip712Domain DOMAIN = TestDomain.DOMAIN;
  static final KeyPair OPERATOR = KeyPair.fromPrivateKey(BigInteger.valueOf(0x0be7a70d));
  static final KeyPair VERIFIER = KeyPair.fromPrivateKey(BigInteger.valueOf(0x7e21f1e5));
  static final Address OWNER = KeyPair.fromPrivateKey(BigInteger.valueOf(0x0a11ce)).address();
  static final Bytes32 BEACON = Bytes32.ofUnsigned(0xbeac0aL);

  final byte[] data;
  final ShardHasher.HashedShard shard;

  AuditFixture(Path dir) {
    data = new byte[256 * 7 + 100];
    new Random(7).nextBytes(data);
    try {
      Path file = Files.write(dir.resolve("shard-" + System.nanoTime()), data);
      shard = new ShardHasher(256).tree(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Deal deal(long id, long firstEpoch, long lastEpoch) {
    return new Deal(id, OWNER, OPERATOR.address(), shard.commitment(), 4, BigInteger.TEN, firstEpoch, lastEpoch);
  }

  /** The operator's signed proof for the deal and epoch, built from {@code segments}. */
  ChallengeResult proof(long dealId, long epoch, byte[] segments) {
    Challenge challenge = Challenge.audit(BEACON, CHAIN_ID, dealId, epoch, 4);
    try {
      StorageProof proof = ProofBuilder.build(challenge, shard.commitment(), shard.tree(), (index, length) ->
          Bytes.of(Arrays.copyOfRange(segments, (int) index * 256, (int) index * 256 + length)));
      return signed(dealId, epoch, StorageProofCodec.encode(proof));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChallengeResult honest(long dealId, long epoch) {
    return proof(dealId, epoch, data);
  }

  /** A proof over data that is not the shard: every segment flipped. */
  ChallengeResult corrupt(long dealId, long epoch) {
    byte[] other = data.clone();
    for (int i = 0; i < other.length; i++) {
      other[i] ^= 0x5a;
    }
    return proof(dealId, epoch, other);
  }

  /** Signed bytes the operator chose. */
  ChallengeResult signed(long dealId, long epoch, byte[] encoded) {
    ProofResponse response = new ProofResponse(dealId, epoch, Sha256.hash(encoded));
    return new ChallengeResult.Proof(dealId, epoch, Bytes.of(encoded), DOMAIN.sign(response, OPERATOR));
  }

  /** The operator's signed "I don't have it". */
  ChallengeResult noData(long dealId, long epoch) {
    ProofResponse response = new ProofResponse(dealId, epoch, Bytes32.ZERO);
    return new ChallengeResult.NoData(dealId, epoch, DOMAIN.sign(response, OPERATOR));
  }
}
