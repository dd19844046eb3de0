package org.shardledger.node.devnet;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Which of the devnet's roles ("operator-1", "verifier-2", "ledger", "owner") the current thread works for. The
 * roles share one JVM, so their log lines are told apart by this tag rather than by logger name. It is inherited:
 * a thread started by a tagged thread carries the tag, so the Netty event loops, loop runners and executors a role
 * starts (platform or virtual threads) log as that role, whenever they are first started.
 */
final class RoleTag {
  static final String LEDGER = "ledger";
  static final String OWNER = "owner";
  private static final InheritableThreadLocal<String> ROLE = new InheritableThreadLocal<>();

  private RoleTag() {}

  /** Operator {@code i}'s role name (from 0): "operator-1", …; also its metrics' name. */
  static String operator(int i) {
    return "operator-" + (i + 1);
  }

  /** Verifier {@code i}'s role name (from 0): "verifier-1", …. */
  static String verifier(int i) {
    return "verifier-" + (i + 1);
  }

  /** The current thread's role, if a role started it. */
  static Optional<String> current() {
    return Optional.ofNullable(ROLE.get());
  }

  /** Runs {@code work} as {@code role}: it, and every thread it starts, log as that role. */
  static <T> T as(String role, Callable<T> work) throws Exception {
    String before = ROLE.get();
    ROLE.set(role);
    try {
      return work.call();
    } finally {
      if (before == null) {
        ROLE.remove();
      } else {
        ROLE.set(before);
      }
    }
  }
}
