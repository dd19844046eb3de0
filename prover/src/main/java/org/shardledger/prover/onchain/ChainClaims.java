package org.shardledger.prover.onchain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.prover.dashboard.ClaimSender;

/** Claims through the node's chain connection, signed with the operator's key. */
public final class ChainClaims implements ClaimSender {
  private final Chain chain;

  public ChainClaims(Chain chain) {
    this.chain = chain;
  }

  @Override
  public BigInteger claimed(Address account) throws IOException {
    return chain.settlements().claimed(account);
  }

  @Override
  public Sent claim(Address account, BigInteger cumulativeAmount, List<Bytes32> proof) throws IOException {
    TxOutcome outcome = chain.settlements().claim(account, cumulativeAmount, proof);
    return switch (outcome) {
      case TxOutcome.Mined m -> new Sent(m.hash(), m.blockNumber(), null);
      case TxOutcome.AlreadyDone done -> new Sent(null, -1, "nothing to claim (" + done.reason() + ")");
      case TxOutcome.Reverted r -> new Sent(r.hash(), -1, String.valueOf(r.reason()));
    };
  }
}
