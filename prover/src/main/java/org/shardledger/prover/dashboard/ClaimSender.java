package org.shardledger.prover.dashboard;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;

/** Claims on chain with the node's own key, and what the chain says this account has claimed. */
public interface ClaimSender {
  /** What was sent and how it ended: the transaction (null when none was mined) and the contract's word. */
  record Sent(Bytes32 transaction, long block, String refusal) {
    public boolean landed() {
      return refusal == null;
    }
  }

  /** The cumulative amount {@code account} has claimed on chain. */
  BigInteger claimed(Address account) throws IOException;

  /** Sends {@code claim(account, cumulativeAmount, proof)} and waits for it to be mined or refused. */
  Sent claim(Address account, BigInteger cumulativeAmount, List<Bytes32> proof) throws IOException;
}
