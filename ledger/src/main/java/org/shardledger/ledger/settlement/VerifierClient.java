package org.shardledger.ledger.settlement;

import org.shardledger.rpc.json.SignAnswer;
import java.io.IOException;
import org.shardledger.rpc.json.SignSettlementRequest;

/** One verifier the ledger asks to sign settlements. */
public interface VerifierClient {
  /** How the ledger names it in its logs (its URL). */
  String name();

  /** Asks; an {@link IOException} when the verifier cannot be reached. */
  SignAnswer sign(SignSettlementRequest request) throws IOException;
}
