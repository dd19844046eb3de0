package org.shardledger.protocol.proof;

/** An encoded proof that cannot be read: truncated, oversized, of an unknown version, or out of bounds. */
public final class MalformedProofException extends Exception {
  public MalformedProofException(String message) {
    super(message);
  }

  public MalformedProofException(String message, Throwable cause) {
    super(message, cause);
  }
}
