package org.shardledger.contracts.tx;

/** Thrown where a caller needed a transaction mined and the contract refused it. */
public final class ChainRevertException extends RuntimeException {
  private final transient TxOutcome outcome;

  public ChainRevertException(TxOutcome outcome) {
    super(describe(outcome));
    this.outcome = outcome;
  }

  public TxOutcome outcome() {
    return outcome;
  }

  /** The contract's reason, when it gave one. */
  public DecodedRevert reason() {
    return switch (outcome) {
      case TxOutcome.Reverted r -> r.reason();
      case TxOutcome.AlreadyDone d -> d.reason();
      case TxOutcome.Mined m -> null;
    };
  }

  private static String describe(TxOutcome outcome) {
    return switch (outcome) {
      case TxOutcome.Reverted r -> "the contract refused: " + r.reason();
      case TxOutcome.AlreadyDone d -> "already done: " + d.reason();
      case TxOutcome.Mined m -> "mined";
    };
  }
}
