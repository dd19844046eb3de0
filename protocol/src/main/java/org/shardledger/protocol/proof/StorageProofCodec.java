package org.shardledger.protocol.proof;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.merkle.Sha256;

/**
 * The binary form of a storage proof, version 1 (all integers big-endian, see docs/protocol.md):
 *
 * <pre>
 * u8  version = 1
 * u64 dealId
 * u64 epoch
 * u16 sampleCount                    (at most 1024)
 * sampleCount × {
 *   u64 index
 *   u32 segmentLength                (at most 1 MiB)
 *   segmentLength bytes segment
 *   u8  pathLength                   (at most 64)
 *   pathLength × 32 bytes path       (leaf's sibling first)
 * }
 * </pre>
 *
 * Nothing may follow the last sample. Decoding checks every length against what is left before reading it.
 */
public final class StorageProofCodec {
  public static final int VERSION = 1;
  public static final int MAX_PATH_LENGTH = 64;
  private static final int HEADER = 1 + 8 + 8 + 2;
  private static final int SAMPLE_FIXED = 8 + 4 + 1;

  private StorageProofCodec() {}

  public static int encodedLength(StorageProof proof) {
    int length = HEADER;
    for (SegmentProof s : proof.samples()) {
      length += SAMPLE_FIXED + s.segment().length() + Bytes32.SIZE * s.path().size();
    }
    return length;
  }

  public static byte[] encode(StorageProof proof) {
    if (proof.samples().size() > Challenge.MAX_SAMPLES) {
      throw new IllegalArgumentException("a proof holds at most " + Challenge.MAX_SAMPLES + " samples");
    }
    ByteBuffer out = ByteBuffer.allocate(encodedLength(proof));
    out.put((byte) VERSION).putLong(proof.dealId()).putLong(proof.epoch()).putShort((short) proof.samples().size());
    for (SegmentProof s : proof.samples()) {
      if (s.segment().length() > ShardCommitment.MAX_SEGMENT_SIZE || s.path().size() > MAX_PATH_LENGTH) {
        throw new IllegalArgumentException("segment or path too long to encode");
      }
      out.putLong(s.index()).putInt(s.segment().length());
      byte[] segment = s.segment().toArray();
      out.put(segment);
      out.put((byte) s.path().size());
      for (Bytes32 node : s.path()) {
        out.put(node.toArray());
      }
    }
    return out.array();
  }

  /** SHA-256 of the encoding: the {@code proofHash} an operator signs in its {@code ProofResponse}. */
  public static Bytes32 hash(StorageProof proof) {
    return Sha256.hash(encode(proof));
  }

  public static StorageProof decode(byte[] encoded) throws MalformedProofException {
    ByteBuffer in = ByteBuffer.wrap(encoded);
    try {
      need(in, HEADER, "the header");
      int version = Byte.toUnsignedInt(in.get());
      if (version != VERSION) {
        throw new MalformedProofException("unsupported proof version " + version + " (this node reads version "
            + VERSION + ")");
      }
      long dealId = nonNegative(in.getLong(), "deal id");
      long epoch = nonNegative(in.getLong(), "epoch");
      int count = Short.toUnsignedInt(in.getShort());
      if (count > Challenge.MAX_SAMPLES) {
        throw new MalformedProofException("proof claims " + count + " samples, at most " + Challenge.MAX_SAMPLES
            + " are allowed");
      }
      List<SegmentProof> samples = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        need(in, SAMPLE_FIXED - 1, "sample " + i);
        long index = nonNegative(in.getLong(), "index of sample " + i);
        int length = in.getInt();
        if (length < 0 || length > ShardCommitment.MAX_SEGMENT_SIZE) {
          throw new MalformedProofException("sample " + i + " claims a segment of " + Integer.toUnsignedString(length)
              + " bytes, at most " + ShardCommitment.MAX_SEGMENT_SIZE + " are allowed");
        }
        need(in, length + 1, "the segment of sample " + i);
        byte[] segment = new byte[length];
        in.get(segment);
        int pathLength = Byte.toUnsignedInt(in.get());
        if (pathLength > MAX_PATH_LENGTH) {
          throw new MalformedProofException("sample " + i + " claims a path of " + pathLength + " nodes, at most "
              + MAX_PATH_LENGTH + " are allowed");
        }
        need(in, pathLength * Bytes32.SIZE, "the path of sample " + i);
        List<Bytes32> path = new ArrayList<>(pathLength);
        byte[] node = new byte[Bytes32.SIZE];
        for (int p = 0; p < pathLength; p++) {
          in.get(node);
          path.add(Bytes32.of(node));
        }
        samples.add(new SegmentProof(index, Bytes.of(segment), path));
      }
      if (in.hasRemaining()) {
        throw new MalformedProofException("oversized: " + in.remaining() + " bytes follow the last sample");
      }
      return new StorageProof(dealId, epoch, samples);
    } catch (BufferUnderflowException e) {
      throw new MalformedProofException("truncated proof", e);
    }
  }

  private static void need(ByteBuffer in, int bytes, String what) throws MalformedProofException {
    if (in.remaining() < bytes) {
      throw new MalformedProofException("truncated: " + what + " needs " + bytes + " bytes, " + in.remaining()
          + " are left");
    }
  }

  private static long nonNegative(long value, String what) throws MalformedProofException {
    if (value < 0) {
      throw new MalformedProofException(what + " is out of range: " + Long.toUnsignedString(value));
    }
    return value;
  }
}
