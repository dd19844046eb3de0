package org.shardledger.client.keys;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;

/**
 * What an envelope is bound to: the chain, the ledger and the file. The HPKE info is UTF-8
 * "shardledger.envelope.v1" ‖ chainId (32 bytes, big-endian) ‖ ledger (20 bytes) ‖ fileId (32 bytes).
 */
public record EnvelopeContext(long chainId, Address ledger, Bytes32 fileId) {
  static final byte[] LABEL = "shardledger.envelope.v1".getBytes(StandardCharsets.UTF_8);

  public EnvelopeContext {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(fileId, "fileId");
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive: " + chainId);
    }
  }

  public byte[] info() {
    return ByteBuffer.allocate(LABEL.length + 32 + 20 + 32).put(LABEL)
        .put(Bytes32.ofUnsigned(BigInteger.valueOf(chainId)).toArray()).put(ledger.toArray()).put(fileId.toArray())
        .array();
  }
}
