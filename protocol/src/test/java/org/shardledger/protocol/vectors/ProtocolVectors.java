package org.shardledger.protocol.vectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.challenge.ChallengeKind;
import org.shardledger.protocol.merkle.MerkleHasher;
import org.shardledger.protocol.merkle.Sha256;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.proof.ProofVerdict;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.RandomShard;
import org.shardledger.protocol.proof.SegmentProof;

/**
 * Builds the language-neutral test vectors in {@code testvectors/}: shard commitments, challenge indices and
 * segment proofs (valid and tampered). The Solidity tests read the same files.
 */
final class ProtocolVectors {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ProtocolVectors() {}

  /** The deterministic test shard: byte i = i mod 251 (a prime, so segments differ from one another). */
  static byte[] pattern(int size) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i % 251);
    }
    return data;
  }

  static Bytes32 beacon(String label) {
    return Sha256.hash(("shardledger test beacon " + label).getBytes(StandardCharsets.US_ASCII));
  }

  static ObjectNode commitments() {
    ObjectNode root = JSON.createObjectNode();
    root.put("description", "Shard commitments (RFC 9162 Merkle Tree Hash, SHA-256, fixed-size segments, the last "
        + "may be short). The shard is 'data' (hex) when present, otherwise the pattern byte i = i mod 251 of "
        + "'size' bytes.");
    ArrayNode vectors = root.putArray("vectors");
    int[][] cases = {{0, 256}, {1, 256}, {255, 256}, {256, 256}, {257, 256}, {512, 256}, {1000, 256}, {4096, 4096},
        {4097, 4096}, {12345, 1024}, {1 << 20, 4096}, {(1 << 20) + 5, 4096}, {3 << 20, 1 << 20}};
    for (int[] c : cases) {
      byte[] data = pattern(c[0]);
      RandomShard shard = RandomShard.of(data, c[1]);
      ObjectNode v = vectors.addObject();
      if (data.length <= 4097) {
        v.put("data", Hex.encode(data));
      } else {
        v.put("pattern", "i mod 251");
      }
      v.put("size", data.length);
      v.put("segmentSize", c[1]);
      v.put("segments", shard.commitment().segmentCount());
      v.put("root", shard.commitment().root().toHex());
    }
    return root;
  }

  static ObjectNode challenges() {
    ObjectNode root = JSON.createObjectNode();
    root.put("description", "Challenge indices: x_j = uint256(sha256(abi.encode(tag, beacon, chainId, dealId, epoch,"
        + " j))), accepted when x_j < n*floor(2^256/n), index = x_j mod n, the first 'samples' accepted indices "
        + "(with replacement). n = 'segments'.");
    ArrayNode vectors = root.putArray("vectors");
    long[] segmentCounts = {1, 2, 3, 7, 1000, 4096, 262_144, 1_000_003, (1L << 40) + 3};
    int i = 0;
    for (ChallengeKind kind : ChallengeKind.values()) {
      for (long segments : segmentCounts) {
        i++;
        Challenge c = new Challenge(kind, i % 5 == 0 ? Bytes32.ZERO : beacon(Integer.toString(i)),
            i % 2 == 0 ? 1 : 31337, i * 7L % 23, i * 13L % 1000, new int[] {4, 8, 32}[i % 3]);
        ObjectNode v = vectors.addObject();
        v.put("tag", kind.tag().toHex());
        v.put("beacon", c.beacon().toHex());
        v.put("chainId", c.chainId());
        v.put("dealId", c.dealId());
        v.put("epoch", c.epoch());
        v.put("segments", segments);
        v.put("samples", c.samples());
        ArrayNode indices = v.putArray("indices");
        for (long index : c.indices(segments)) {
          indices.add(index);
        }
      }
    }
    return root;
  }

  static ObjectNode proofs() {
    ObjectNode root = JSON.createObjectNode();
    root.put("description", "Segment proofs against a commitment (root, size, segmentSize): RFC 9162 audit paths, "
        + "leaf's sibling first. 'valid' says whether a verifier must accept; 'reason' is the Java verdict.");
    ArrayNode vectors = root.putArray("vectors");
    int[][] shards = {{1, 256}, {256, 256}, {257, 256}, {1000, 256}, {5 * 256, 256}, {64 * 256, 256},
        {100 * 256 - 7, 256}, {5 * 4096 + 100, 4096}};
    for (int[] s : shards) {
      RandomShard shard = RandomShard.of(pattern(s[0]), s[1]);
      ShardCommitment c = shard.commitment();
      long n = c.segmentCount();
      List<Long> indices = new ArrayList<>(List.of(0L, n - 1, n / 2, n / 3));
      for (long index : indices.stream().distinct().toList()) {
        SegmentProof honest = new SegmentProof(index, shard.segment(index), shard.tree().auditPath(index));
        add(vectors, "size " + s[0] + ", segment " + index, c, honest);
        if (index == 0) {
          add(vectors, "size " + s[0] + ", segment 0 with a flipped bit", c,
              new SegmentProof(index, flipFirstBit(honest.segment()), honest.path()));
          if (!honest.path().isEmpty()) {
            List<Bytes32> path = new ArrayList<>(honest.path());
            path.set(path.size() - 1, org.shardledger.protocol.bytes.BitFlips.flip(path.get(path.size() - 1), 3));
            add(vectors, "size " + s[0] + ", segment 0 with a flipped path node", c,
                new SegmentProof(index, honest.segment(), path));
            List<Bytes32> longer = new ArrayList<>(honest.path());
            longer.add(c.root());
            add(vectors, "size " + s[0] + ", segment 0 with an extra path node", c,
                new SegmentProof(index, honest.segment(), longer));
          }
          if (n > 1) {
            add(vectors, "size " + s[0] + ", segment 0 presented as segment 1", c,
                new SegmentProof(1, honest.segment(), honest.path()));
          }
          add(vectors, "size " + s[0] + ", segment 0 presented beyond the end", c,
              new SegmentProof(n, honest.segment(), honest.path()));
        }
        if (index == n - 1 && c.segmentLength(index) < c.segmentSize()) {
          byte[] padded = java.util.Arrays.copyOf(honest.segment().toArray(), c.segmentSize());
          add(vectors, "size " + s[0] + ", short last segment zero-padded", c,
              new SegmentProof(index, Bytes.of(padded), honest.path()));
        }
      }
    }
    return root;
  }

  private static Bytes flipFirstBit(Bytes segment) {
    byte[] b = segment.toArray();
    b[0] ^= 1;
    return Bytes.of(b);
  }

  private static void add(ArrayNode vectors, String name, ShardCommitment c, SegmentProof sample) {
    ProofVerdict verdict = ProofVerifier.verifySegment(c, sample);
    ObjectNode v = vectors.addObject();
    v.put("name", name);
    v.put("size", c.size());
    v.put("segmentSize", c.segmentSize());
    v.put("root", c.root().toHex());
    v.put("index", sample.index());
    v.put("segment", sample.segment().toHex());
    ArrayNode path = v.putArray("path");
    sample.path().forEach(p -> path.add(p.toHex()));
    v.put("valid", verdict.isValid());
    v.put("reason", verdict instanceof ProofVerdict.Invalid invalid ? invalid.reason().name() : "VALID");
  }

  static String render(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node).replace("\r\n", "\n") + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Leaf hash of data, for the generator's own sanity checks. */
  static Bytes32 leaf(byte[] data) {
    return new MerkleHasher().leaf(data, 0, data.length);
  }
}
