package org.shardledger.client.manifest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.shardledger.client.crypto.FileKey;
import org.shardledger.client.crypto.FileMetadata;
import org.shardledger.client.crypto.MetadataSeal;
import org.shardledger.client.keys.EncryptionKey;
import org.shardledger.client.keys.Envelopes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;

/** Signed sample manifests for tests. */
final class Manifests {
  static final long CHAIN = 31337;
  static final Address LEDGER = Address.fromHex("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
  static final KeyPair ALICE = KeyPair.fromPrivateKeyHex(
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  static final KeyPair BOB = KeyPair.fromPrivateKeyHex(
      "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  private Manifests() {}

  static Bytes32 random32(Random random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Bytes32.of(b);
  }

  /** Unsigned, without envelopes: two parts, 2 + 1 and 1 + 2. */
  static Manifest unsigned(Address owner, FileKey key, long seed) {
    Random random = new Random(seed);
    Bytes32 fileId = random32(random);
    List<ManifestPart> parts = new ArrayList<>();
    int[][] coding = {{2, 1}, {1, 2}};
    for (int p = 0; p < coding.length; p++) {
      List<ManifestShard> shards = new ArrayList<>();
      for (int i = 0; i < coding[p][0] + coding[p][1]; i++) {
        shards.add(new ManifestShard(i, random32(random), 65536, 4096, i == 0 ? List.of(BigInteger.valueOf(7 + p))
            : List.of()));
      }
      parts.add(new ManifestPart(p, 100000 + p, coding[p][0], coding[p][1], 65536, shards));
    }
    return new Manifest(CHAIN, LEDGER, fileId, owner, MetadataSeal.seal(new FileMetadata("f.bin", 1234), key,
        fileId), 1L << 20, parts, List.of(), Optional.empty());
  }

  /** Signed by {@code owner}, with an envelope for the owner. */
  static Manifest signed(KeyPair owner, FileKey key, long seed) {
    Manifest m = unsigned(owner.address(), key, seed);
    EncryptionKey own = EncryptionKey.derive(owner);
    m = m.withEnvelopes(List.of(Envelopes.seal(key, owner.address(), own.publicKey(), m.envelopeContext())));
    return ManifestSignature.sign(m, owner);
  }
}
