package org.shardledger.testbed;

import java.math.BigInteger;
import java.util.List;
import org.shardledger.protocol.crypto.Address;

/**
 * What an account is owed, written for the test bed from the protocol's text and not from {@code SettlementRules}:
 * every operator in the scenario is honest and reachable within each grace window, so every epoch of its deals is
 * paid to it — possibly late, while at most {@code graceEpochs - 1} trailing epochs of each deal are held — and
 * no owner is refunded anything.
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

  /** The least: {@link #most} less the epochs that may still be held (the last {@code grace - 1} of each deal). */
  public BigInteger least(Address operator, long settledEpoch) {
    BigInteger sum = BigInteger.ZERO;
    for (TestbedNetwork.OwnerDeal d : deals) {
      if (d.operator().address().equals(operator)) {
        long held = settledEpoch >= d.lastEpoch() ? 0 : graceEpochs - 1;
        long paid = Math.max(0, covered(d, settledEpoch) - held);
        sum = sum.add(d.pricePerEpoch().multiply(BigInteger.valueOf(paid)));
      }
    }
    return sum;
  }

  /** Everything escrowed, once every deal's last epoch is settled. */
  public BigInteger total() {
    BigInteger sum = BigInteger.ZERO;
    for (TestbedNetwork.OwnerDeal d : deals) {
      sum = sum.add(d.pricePerEpoch().multiply(BigInteger.valueOf(d.lastEpoch() - d.firstEpoch() + 1)));
    }
    return sum;
  }

  public long lastEpoch() {
    return deals.stream().mapToLong(TestbedNetwork.OwnerDeal::lastEpoch).max().orElse(-1);
  }

  private static long covered(TestbedNetwork.OwnerDeal d, long settledEpoch) {
    long through = Math.min(d.lastEpoch(), settledEpoch);
    return Math.max(0, through - d.firstEpoch() + 1);
  }
}
