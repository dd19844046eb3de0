package org.shardledger.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.shardledger.ledger.claims.ConfirmedView;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.payout.ClaimProof;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.rpc.json.ClaimProofJson;

/**
 * {@code ledger_getClaimProof(account)}: the arguments of {@code claim} against the latest payout root, from the
 * ledger's {@link ConfirmedView} (in memory), with the confirmed block it is as of.
 */
final class LedgerGetClaimProof implements RpcMethod {
  private final ConfirmedView proofs;

  LedgerGetClaimProof(ConfirmedView proofs) {
    this.proofs = proofs;
  }

  @Override
  public String name() {
    return MethodName.LEDGER_GET_CLAIM_PROOF.wire();
  }

  @Override
  public JsonNode execute(RpcParams params) throws RpcException {
    Address account = params.address(0);
    ClaimProof p = proofs.proof(account).orElseThrow(() -> new RpcException(RpcError.NOT_FOUND,
        account + " has no credit in the latest settlement"));
    return ClaimProofJson.encode(p);
  }
}
