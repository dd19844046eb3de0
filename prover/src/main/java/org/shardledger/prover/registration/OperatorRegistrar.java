package org.shardledger.prover.registration;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.OperatorInfo;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.prover.ProverStatusLog;

/**
 * Makes the chain's registration of this operator match what it was started with: registers it (approving the
 * ledger for the stake first) when it has none, updates endpoint, region and capacity when they changed, and leaves
 * an exiting operator alone. What stands in the way — no credits for the stake, no gas, a refusal by the contract —
 * comes back as {@link Refused} with a reason an operator can act on.
 */
public final class OperatorRegistrar {
  /** What start-up did to the registration. */
  public sealed interface Outcome permits Registered, Updated, Unchanged, Exiting, Refused {}

  public record Registered() implements Outcome {}

  public record Updated(String was) implements Outcome {}

  public record Unchanged() implements Outcome {}

  /** The operator is leaving: nothing can be changed, but its deals still need serving. */
  public record Exiting(long unbondingEndsBlock) implements Outcome {}

  public record Refused(String reason) implements Outcome {}

  private final Chain chain;
  private final Address operator;
  private final ProverStatusLog status;

  /** {@code chain} must sign with the operator's key. */
  public OperatorRegistrar(Chain chain, ProverStatusLog status) {
    this.chain = chain;
    this.operator = chain.account().orElseThrow(() -> new IllegalArgumentException("the chain connection has no "
        + "signing key"));
    this.status = status;
  }

  public Outcome ensure(Registration wanted) throws IOException {
    Optional<OperatorInfo> current = chain.operators().get(operator);
    if (current.isEmpty()) {
      return register(wanted);
    }
    OperatorInfo info = current.get();
    if (info.status() == OperatorInfo.Status.EXITING) {
      status.operatorExiting(operator, info.unbondingEndsBlock());
      return new Exiting(info.unbondingEndsBlock());
    }
    if (info.stake().compareTo(wanted.stake()) < 0) {
      status.stakeBelowWanted(operator, info.stake(), wanted.stake());
    }
    String was = Registration.describe(info.endpoint(), info.region(), info.capacity());
    if (was.equals(wanted.describe())) {
      status.registrationCurrent(operator, was, info.stake());
      return new Unchanged();
    }
    Optional<Refused> noGas = checkGas();
    if (noGas.isPresent()) {
      return noGas.get();
    }
    TxOutcome updated = chain.operators().update(wanted.endpoint(), wanted.region(), wanted.capacityBytes());
    if (!updated.succeeded()) {
      return new Refused("the ledger refused to update the registration of " + operator + ": " + reason(updated));
    }
    status.registrationUpdated(operator, was, wanted.describe());
    return new Updated(was);
  }

  private Outcome register(Registration wanted) throws IOException {
    BigInteger balance = chain.credits().balanceOf(operator);
    if (balance.compareTo(wanted.stake()) < 0) {
      return new Refused("account " + operator + " holds " + ProverStatusLog.credits(balance) + "; registering "
          + "with a stake of " + ProverStatusLog.credits(wanted.stake()) + " needs at least that many");
    }
    Optional<Refused> noGas = checkGas();
    if (noGas.isPresent()) {
      return noGas.get();
    }
    TxOutcome registered = chain.operators().register(wanted.endpoint(), wanted.region(), wanted.capacityBytes(),
        wanted.stake());
    if (registered instanceof TxOutcome.AlreadyDone) {
      return ensure(wanted);
    }
    if (!registered.succeeded()) {
      return new Refused("the ledger refused to register " + operator + ": " + reason(registered));
    }
    status.operatorRegistered(operator, wanted.endpoint(), wanted.region(), wanted.capacityBytes(), wanted.stake());
    return new Registered();
  }

  private Optional<Refused> checkGas() throws IOException {
    if (chain.nativeBalance(operator).signum() == 0) {
      return Optional.of(new Refused("account " + operator + " has no native coin on chain "
          + chain.deployment().chainId() + " to pay for gas"));
    }
    return Optional.empty();
  }

  private static String reason(TxOutcome outcome) {
    return outcome instanceof TxOutcome.Reverted r ? r.reason().toString() : outcome.toString();
  }
}
