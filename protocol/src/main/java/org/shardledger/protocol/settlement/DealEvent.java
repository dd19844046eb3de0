package org.shardledger.protocol.settlement;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.shardledger.protocol.crypto.Address;

/** What happened to a deal's money in one epoch, and why. Each event credits at most one account. */
public sealed interface DealEvent {

  /** The account this event credits and by how much; empty when no money moves to anyone. */
  Optional<Credit> credit();

  record Credit(Address account, BigInteger amount) {
    public Credit {
      Objects.requireNonNull(account, "account");
      if (amount.signum() < 0) {
        throw new IllegalArgumentException("a credit is not negative");
      }
    }
  }

  /** Why a failed epoch failed. */
  enum FailCause {
    /** At least t verifiers reported FAIL (a signed proof that does not verify, or a signed "I don't have it"). */
    REPORTED,
    /** UNREACHABLE for {@code graceEpochs} epochs in a row. */
    GRACE_EXPIRED
  }

  /** Why held escrow went back to the owner. */
  enum RefundCause {
    /** The run of UNREACHABLE epochs ended in a failed epoch: none of them was ever proven. */
    DEAL_FAILED,
    /** The deal's last epoch passed while its price was held: none of them was ever proven. */
    PERIOD_ENDED,
    /** Its owner ended the deal while its price was held: none of them was ever proven. */
    OWNER_ENDED
  }

  /** The epoch passed (or was unaudited): its price goes to the operator. */
  record Paid(Address operator, BigInteger amount) implements DealEvent {
    @Override
    public Optional<Credit> credit() {
      return Optional.of(new Credit(operator, amount));
    }
  }

  /** UNREACHABLE within the grace: the epoch's price stays in escrow. */
  record Held(BigInteger amount, int epochsInARow) implements DealEvent {
    @Override
    public Optional<Credit> credit() {
      return Optional.empty();
    }
  }

  /** A PASS within the grace: the held epochs' price goes to the operator after all. */
  record Released(Address operator, BigInteger amount, int epochs) implements DealEvent {
    @Override
    public Optional<Credit> credit() {
      return Optional.of(new Credit(operator, amount));
    }
  }

  /**
   * A failed epoch: its price goes back to the owner and the operator is slashed {@code slashDue}, of which
   * {@code slashed} was left in its stake.
   */
  record Failed(FailCause cause, Address owner, BigInteger refund, Address operator, BigInteger slashDue,
      BigInteger slashed, int failsSoFar) implements DealEvent {
    @Override
    public Optional<Credit> credit() {
      return Optional.of(new Credit(owner, refund));
    }
  }

  /** Held escrow that goes back to the owner. */
  record HeldRefunded(RefundCause cause, Address owner, BigInteger amount, int epochs) implements DealEvent {
    @Override
    public Optional<Credit> credit() {
      return Optional.of(new Credit(owner, amount));
    }
  }

  /**
   * Its owner ended the deal on chain, paid through {@code endEpoch}: the price of its {@code epochs} remaining
   * epochs goes back to the owner.
   */
  record EndedByOwner(Address owner, BigInteger refund, long epochs, long endEpoch) implements DealEvent {
    @Override
    public Optional<Credit> credit() {
      return Optional.of(new Credit(owner, refund));
    }
  }

  /** {@code maxFails} reached: the deal ends, the price of its {@code epochs} remaining epochs goes to the owner. */
  record Terminated(Address owner, BigInteger refund, long epochs) implements DealEvent {
    @Override
    public Optional<Credit> credit() {
      return Optional.of(new Credit(owner, refund));
    }
  }
}
