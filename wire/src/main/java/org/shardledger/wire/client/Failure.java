package org.shardledger.wire.client;

import java.time.Duration;
import java.util.Objects;
import org.shardledger.wire.message.ErrorCode;

/**
 * Every way a request can end without the answer asked for. A verifier maps all of these to UNREACHABLE: none is
 * signed by the operator.
 */
public sealed interface Failure extends ChallengeResult, UploadResult, RetrieveResult, TermsResult {
  /** A short phrase for people: "refused (NO_CAPACITY: …)", "unreachable (…)". */
  default String describe() {
    return switch (this) {
      case Rejected r -> "refused (" + r.code() + ": " + r.message() + ")";
      case TimedOut t -> "no progress for " + t.after().toSeconds() + " s";
      case Garbled g -> "broke the protocol (" + g.reason() + ")";
      case Unreachable u -> "unreachable (" + u.reason() + ")";
    };
  }

  /** The operator answered ERROR. */
  record Rejected(ErrorCode code, String message) implements Failure {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }

  /** No answer (or, for transfers, no progress) within the timeout; the connection was closed. */
  record TimedOut(Duration after) implements Failure {
    public TimedOut {
      Objects.requireNonNull(after, "after");
    }
  }

  /** An answer that breaks the protocol: unreadable, out of order, or not signed by the operator. */
  record Garbled(String reason) implements Failure {
    public Garbled {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** No connection: refused, reset, closed early, or the peer is not the operator we meant to reach. */
  record Unreachable(String reason) implements Failure {
    public Unreachable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
