package org.shardledger.ledger.settlement;

import java.io.IOException;
import org.shardledger.protocol.settlement.SignAnswer;
import org.shardledger.protocol.settlement.SignSettlementRequest;

/** One verifier the ledger asks to sign settlements. */
public interface VerifierClient {
  /** How the ledger names it in its logs (its URL). */
  String name();

  /** Asks; an {@link IOException} when the verifier cannot be reached. */
  SignAnswer sign(SignSettlementRequest request) throws IOException;
}
