package org.shardledger.wire.message;

/** A peer broke the wire protocol: the frame or message cannot be read. Carries the code to answer with. */
public final class WireProtocolException extends Exception {
  private final ErrorCode code;

  public WireProtocolException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
