package org.shardledger.verifier.report;

/**
 * Why a delivery failed, for a log line: the exception's message, or, when it has none (a refused or closed
 * connection often has none), its class and the reason of its cause — never "null".
 */
public final class FailureReason {
  private FailureReason() {
  }

  public static String of(Throwable e) {
    String message = e.getMessage();
    if (message != null && !message.isBlank()) {
      return message;
    }
    String kind = e.getClass().getSimpleName();
    Throwable cause = e.getCause();
    return cause == null || cause == e ? kind : kind + " caused by " + cause.getClass().getSimpleName()
        + describedCause(cause);
  }

  private static String describedCause(Throwable cause) {
    String reason = of(cause);
    return reason.equals(cause.getClass().getSimpleName()) ? "" : ": " + reason;
  }
}
