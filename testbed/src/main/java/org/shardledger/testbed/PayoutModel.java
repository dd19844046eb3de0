package org.shardledger.testbed;

import java.math.BigInteger;
import java.util.List;
import org.shardledger.protocol.crypto.Address;

/**
 * What an account is owed, written for the test bed from the protocol's text (docs/economics.md) and not from
 * {@code SettlementRules}. While epochs run, {@link #most} and {@link #least} bound an honest operator's credit:
 * every epoch of its deals paid, at most {@code graceEpochs - 1} trailing epochs of each deal held. Once a deal has
 * ended, {@link #owed} is exact, from the verdicts the network reached: an epoch is paid when it passed or a later
 * PASS released it within the grace; a held epoch still held at the deal's last epoch goes back to the owner
 * (decision 0032). Whether an UNREACHABLE verdict was the bed's doing (a fault) is the runner's concern, not the
 * model's: an operator that is up can still be unreachable to t verifiers (a verifier restarting, a report late).
 */
public final class PayoutModel {
  private final List<TestbedNetwork.OwnerDeal> deals;
  private final int graceEpochs;

  public PayoutModel(List<TestbedNetwork.OwnerDeal> deals, int graceEpochs) {
    this.deals = List.copyOf(deals);
    this.graceEpochs = graceEpochs;
  }

  /** The most the operator can have been credited once epochs through {@code settledEpoch} are settled. */
  public BigInteger most(Address operator, long settledEpoch) {
    BigInteger sum = BigInteger.ZERO;
    for (TestbedNetwork.OwnerDeal d : deals) {
      if (d.operator().address().equals(operator)) {
        sum = sum.add(d.pricePerEpoch().multiply(BigInteger.valueOf(covered(d, settledEpoch))));
      }
    }
    return sum;
  }

  /**
   * The least: {@link #most} less the epochs that may be held (the last {@code grace - 1} of each deal), or, once
   * the deal ended, refunded because they were still held then.
   */
  public BigInteger least(Address operator, long settledEpoch) {
    BigInteger sum = BigInteger.ZERO;
    for (TestbedNetwork.OwnerDeal d : deals) {
      if (d.operator().address().equals(operator)) {
        long paid = Math.max(0, covered(d, settledEpoch) - (graceEpochs - 1));
        sum = sum.add(d.pricePerEpoch().multiply(BigInteger.valueOf(paid)));
      }
    }
    return sum;
  }

  /**
   * What the operator is owed for its deals once they ended, given the settled verdicts of each deal by epoch (a
   * missing verdict counts as UNREACHABLE, as the protocol counts a deal nobody reported on).
   */
  public BigInteger owed(Address operator, java.util.Map<Long, java.util.Map<Long, Verdict>> verdictsByDeal) {
    BigInteger sum = BigInteger.ZERO;
    for (TestbedNetwork.OwnerDeal d : deals) {
      if (d.operator().address().equals(operator)) {
        java.util.Map<Long, Verdict> byEpoch = verdictsByDeal.getOrDefault(d.id(), java.util.Map.of());
        sum = sum.add(d.pricePerEpoch().multiply(BigInteger.valueOf(paidEpochs(d, byEpoch))));
      }
    }
    return sum;
  }

  private long paidEpochs(TestbedNetwork.OwnerDeal d, java.util.Map<Long, Verdict> byEpoch) {
    long paid = 0;
    long held = 0;
    for (long e = d.firstEpoch(); e <= d.lastEpoch(); e++) {
      Verdict v = byEpoch.get(e);
      if (v != null && v.pays()) {
        paid += held + 1;
        held = 0;
      } else if (v != null && Verdict.FAIL.equals(v.outcome())) {
        held = 0;
      } else if (held + 1 >= graceEpochs) {
        held = 0; // the grace ran out: this epoch failed, the run goes back to the owner
      } else {
        held++;
      }
    }
    return paid; // what is still held at the last epoch goes back to the owner
  }

  /** Everything escrowed, once every deal's last epoch is settled. */
  public BigInteger total() {
    BigInteger sum = BigInteger.ZERO;
    for (TestbedNetwork.OwnerDeal d : deals) {
      sum = sum.add(d.pricePerEpoch().multiply(BigInteger.valueOf(d.lastEpoch() - d.firstEpoch() + 1)));
    }
    return sum;
  }

  public List<TestbedNetwork.OwnerDeal> deals() {
    return deals;
  }

  public long lastEpoch() {
    return deals.stream().mapToLong(TestbedNetwork.OwnerDeal::lastEpoch).max().orElse(-1);
  }

  private static long covered(TestbedNetwork.OwnerDeal d, long settledEpoch) {
    long through = Math.min(d.lastEpoch(), settledEpoch);
    return Math.max(0, through - d.firstEpoch() + 1);
  }
}
