package org.shardledger.wire.message;

/**
 * Why the operator refused or could not answer a request. The numbers cross the wire (u16); see docs/wire.md. The
 * codes marked as closing are sent just before the operator closes the connection, because the byte stream cannot
 * go on.
 */
public enum ErrorCode {
  MALFORMED_FRAME(1, true),
  FRAME_TOO_LARGE(2, true),
  UNKNOWN_MESSAGE(3, true),
  UNEXPECTED_MESSAGE(4, true),
  HANDSHAKE_REQUIRED(5, true),
  UNSUPPORTED_VERSION(6, true),
  WRONG_CHAIN(7, true),
  BUSY(8, false),
  OVERLOADED(9, false),
  UNKNOWN_DEAL(10, false),
  NOT_OUR_DEAL(11, false),
  DEAL_NOT_OPEN(12, false),
  SIZE_MISMATCH(13, false),
  ROOT_MISMATCH(14, false),
  UPLOAD_IN_PROGRESS(15, false),
  NO_CAPACITY(16, false),
  UPLOAD_OVERFLOW(17, true),
  UPLOAD_INCOMPLETE(18, false),
  DEAL_UNSUPPORTED(19, false),
  BEACON_UNKNOWN(20, false),
  EPOCH_OUT_OF_RANGE(21, false),
  RANGE_OUT_OF_BOUNDS(22, false),
  SHARD_CORRUPT(23, false),
  TIMEOUT(24, true),
  INTERNAL(25, false),
  /** The proposal is outside the operator's terms (TERMS); the message names the rule, e.g. maxDurationEpochs. */
  TERMS_REFUSED(26, false),
  /** IDENTIFY's signature does not recover to the requester it names. */
  IDENTIFY_FAILED(27, true),
  /** A retrieval without a valid RetrievalTicket from the deal's owner for the identified requester. */
  TICKET_REFUSED(28, false),
  /** A code this build does not know (a newer peer); never sent. */
  UNKNOWN(0xffff, false);

  private final int code;
  private final boolean closes;

  ErrorCode(int code, boolean closes) {
    this.code = code;
    this.closes = closes;
  }

  public int code() {
    return code;
  }

  /** Whether the operator closes the connection after sending this error. */
  public boolean closesConnection() {
    return closes;
  }

  public static ErrorCode ofCode(int code) {
    for (ErrorCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
