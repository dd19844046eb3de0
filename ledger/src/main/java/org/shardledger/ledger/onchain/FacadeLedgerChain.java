package org.shardledger.ledger.onchain;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.shardledger.contracts.chain.BeaconRecorder;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.tx.ContractError;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.ledger.settlement.LedgerChain;
import org.shardledger.ledger.settlement.SettleOutcome;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.settlement.Slash;

/** {@link LedgerChain} and the beacon recorder's target over the chain facade (with the ledger's key and journal). */
public final class FacadeLedgerChain implements LedgerChain, BeaconRecorder.Target {
  /** Refusals that mean the signatures are at fault: drop them and collect again. */
  private static final Set<ContractError> SIGNATURES_REFUSED = Set.of(ContractError.NotVerifier,
      ContractError.InsufficientSignatures, ContractError.SignersNotAscending);

  private final Chain chain;

  public FacadeLedgerChain(Chain chain) {
    this.chain = chain;
  }

  @Override
  public long headBlock() throws IOException {
    return chain.blockNumber();
  }

  @Override
  public long settledThrough() throws IOException {
    return chain.settlements().settledThrough();
  }

  @Override
  public SettleOutcome settle(Settlement settlement, List<Slash> slashes, List<Long> terminations,
      List<Signature> signatures) throws IOException {
    return outcome(chain.settlements().settle(settlement, slashes, terminations, signatures));
  }

  /** A settle transaction's outcome as the ledger's core reads it; {@code EpochAlreadySettled} is success. */
  public static SettleOutcome outcome(TxOutcome outcome) {
    return switch (outcome) {
      case TxOutcome.Mined m -> new SettleOutcome.Sent(m.hash());
      case TxOutcome.AlreadyDone a -> new SettleOutcome.AlreadySettled();
      case TxOutcome.Reverted r -> new SettleOutcome.Refused(r.reason().toString(),
          SIGNATURES_REFUSED.stream().anyMatch(k -> k.is(r.reason())));
    };
  }

  @Override
  public TxOutcome recordBeacon(long epoch) throws IOException {
    return chain.beacons().record(epoch);
  }

  @Override
  public void recoverPending() throws IOException {
    chain.recoverPendingTransactions();
  }
}
