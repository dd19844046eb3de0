package org.shardledger.protocol.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.shardledger.protocol.bytes.Bytes32;

/** Builds Solidity's {@code abi.encode} of static values: one 32-byte word each, in order. */
public final class AbiWords {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public AbiWords uint(long value) {
    return word(Bytes32.ofUnsigned(value));
  }

  public AbiWords uint(BigInteger value) {
    return word(Bytes32.ofUnsigned(value));
  }

  public AbiWords address(Address value) {
    return word(value.toWord());
  }

  public AbiWords word(Bytes32 value) {
    out.writeBytes(value.toArray());
    return this;
  }

  /** Appends the words of another encoding. */
  public AbiWords append(AbiWords other) {
    out.writeBytes(other.toArray());
    return this;
  }

  public byte[] toArray() {
    return out.toByteArray();
  }

  public Bytes32 keccak() {
    return Keccak256.hash(toArray());
  }
}
