package org.shardledger.protocol.audit;

/**
 * What a verifier saw of one deal in one epoch, with the uint8 code it has in {@code resultsHash}. There is no 0:
 * a zero byte is never read as a result.
 */
public enum AuditOutcome {
  /** The operator answered with a signed proof that verifies. */
  PASS(1),
  /** The operator signed a proof that does not verify, or signed that it lacks the data. */
  FAIL(2),
  /** No usable answer: timeout, refusal, a garbled or unsigned answer. Never the operator's fault by itself. */
  UNREACHABLE(3);

  private final int code;

  AuditOutcome(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static AuditOutcome ofCode(int code) {
    for (AuditOutcome o : values()) {
      if (o.code == code) {
        return o;
      }
    }
    throw new IllegalArgumentException("no audit outcome has code " + code);
  }
}
