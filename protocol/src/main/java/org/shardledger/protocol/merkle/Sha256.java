package org.shardledger.protocol.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.shardledger.protocol.bytes.Bytes32;

/** SHA-256 from the JDK provider (hardware-accelerated where the CPU has SHA extensions). */
public final class Sha256 {
  private Sha256() {}

  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  public static Bytes32 hash(byte[] data) {
    return Bytes32.of(newDigest().digest(data));
  }
}
