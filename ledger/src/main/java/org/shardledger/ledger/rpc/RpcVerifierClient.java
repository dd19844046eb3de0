package org.shardledger.ledger.rpc;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.shardledger.ledger.settlement.VerifierClient;
import org.shardledger.protocol.settlement.SignAnswer;
import org.shardledger.protocol.settlement.SignSettlementRequest;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.json.SignAnswerJson;
import org.shardledger.rpc.json.SignSettlementRequestJson;

/** A verifier reached over JSON-RPC ({@code verifier_signSettlement}). */
public final class RpcVerifierClient implements VerifierClient {
  private final RpcClient rpc;

  public RpcVerifierClient(URI url, Duration timeout) {
    this.rpc = new RpcClient(url, timeout);
  }

  @Override
  public String name() {
    return rpc.url().toString();
  }

  @Override
  public SignAnswer sign(SignSettlementRequest request) throws IOException {
    try {
      return SignAnswerJson.ofResult(rpc.call(MethodName.VERIFIER_SIGN_SETTLEMENT,
          SignSettlementRequestJson.encode(request)));
    } catch (RpcException e) {
      return SignAnswerJson.ofError(e);
    }
  }
}
