package org.shardledger.verifier.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.shardledger.protocol.settlement.SignSettlementRequest;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.rpc.json.SignAnswerJson;
import org.shardledger.rpc.json.SignSettlementRequestJson;

/**
 * {@code verifier_signSettlement(request)}: the signature over the proposed settlement, or REJECTED saying what
 * differs, or NOT_READY (with {@code data.fromEpoch} when the ledger must resend from an earlier epoch).
 * See docs/rpc.md.
 */
public final class VerifierSignSettlement implements RpcMethod {
  private final SettlementSigner signer;

  public VerifierSignSettlement(SettlementSigner signer) {
    this.signer = signer;
  }

  @Override
  public String name() {
    return MethodName.VERIFIER_SIGN_SETTLEMENT.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException, IOException {
    SignSettlementRequest request = SignSettlementRequestJson.decode(params.raw(0)).orInvalidParams(0);
    return SignAnswerJson.toResult(signer.sign(request));
  }
}
