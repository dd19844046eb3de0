package org.shardledger.node.devnet;

import java.math.BigInteger;
import java.util.List;

/** The block the devnet prints for each new epoch: audits, settlement, and per operator what it earned and claimed. */
final class EpochSummary {
  /** One operator's line: its cumulative credit in the latest settlement and what it claimed on chain. */
  record Operator(String address, BigInteger earned, BigInteger claimed) {}

  private EpochSummary() {}

  static String format(long epoch, String audits, long settledThrough, BigInteger paidOut,
      List<Operator> operators) {
    StringBuilder b = new StringBuilder("── epoch ").append(epoch).append(' ').append("─".repeat(60)).append('\n');
    b.append("  ").append(audits).append('\n');
    b.append("  settlement: ").append(settledThrough == 0 ? "nothing settled yet"
        : "settled through epoch " + (settledThrough - 1)).append(", ").append(Dashboard.credits(paidOut))
        .append(" credits paid out in all\n");
    for (Operator o : operators) {
      b.append(String.format("  operator %s earned %s credits, claimed %s%n", o.address(),
          Dashboard.credits(o.earned()), Dashboard.credits(o.claimed())));
    }
    return b.toString().stripTrailing();
  }
}
