package org.shardledger.client.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shardledger.client.keys.EnvelopeVectors;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.crypto.Keccak256;
import org.shardledger.protocol.merkle.Sha256;

/** The manifest-signature known-answer vector: a fixed manifest, its signed bytes, content hash and signature. */
final class ManifestVectors {
  private ManifestVectors() {}

  static Manifest manifest() {
    List<ManifestPart> parts = new ArrayList<>();
    int[][] coding = {{4, 2}, {1, 1}};
    long[] lengths = {4L * 65536 + 40, 1040};
    int[] shareSizes = {65536, 4096};
    for (int p = 0; p < coding.length; p++) {
      List<ManifestShard> shards = new ArrayList<>();
      for (int i = 0; i < coding[p][0] + coding[p][1]; i++) {
        shards.add(new ManifestShard(i, Sha256.hash(("part " + p + " shard " + i).getBytes(StandardCharsets.UTF_8)),
            p == 0 ? 2 * 65536 : 4096, 4096, p == 0 && i == 0 ? List.of(BigInteger.valueOf(12)) : List.of()));
      }
      parts.add(new ManifestPart(p, lengths[p], coding[p][0], coding[p][1], shareSizes[p], shards));
    }
    Manifest unsigned = new Manifest(EnvelopeVectors.CHAIN_ID, EnvelopeVectors.LEDGER, EnvelopeVectors.FILE_ID,
        EnvelopeVectors.ACCOUNT.address(), Bytes.fromHex("0x" + "5e".repeat(12 + 40 + 16)), 1L << 20, parts,
        List.of(EnvelopeVectors.envelope()), Optional.empty());
    return ManifestSignature.sign(unsigned, EnvelopeVectors.ACCOUNT);
  }

  static ObjectNode vectors(ObjectMapper json) throws Exception {
    Manifest m = manifest();
    ObjectNode root = json.createObjectNode();
    root.put("description", "A manifest v1 and the owner's EIP-712 signature Manifest(bytes32 fileId,bytes32 "
        + "contentHash) in the domain (\"shardledger\", \"1\", chainId, ledger). signedContent is the RFC 8785 "
        + "canonical JSON of the manifest without 'envelopes' and 'signature'; contentHash = keccak256(its UTF-8 "
        + "bytes). 'manifest' is the whole file's content. Owner key: Anvil's development account 0.");
    root.put("ownerPrivateKey", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    root.put("manifest", ManifestCodec.toJson(m));
    root.put("signedContent", new String(ManifestCodec.signedBytes(m), StandardCharsets.UTF_8));
    root.put("contentHash", ManifestSignature.contentHash(m).toHex());
    root.put("typeHash", Keccak256.hash(org.shardledger.protocol.eip712.Manifest.TYPE).toHex());
    root.put("domainSeparator", m.domain().separator().toHex());
    root.put("digest", m.domain().digest(ManifestSignature.typed(m)).toHex());
    root.put("signature", m.signature().orElseThrow().toHex());
    return root;
  }
}
