package org.shardledger.prover.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.payout.ClaimProof;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.RpcMethod;
import org.shardledger.rpc.RpcParams;
import org.shardledger.rpc.json.ClaimProofJson;
import org.shardledger.rpc.json.Decoded;

/**
 * {@code dashboard_claim()}: claims what this operator has earned, with the node's key. The proof comes from the
 * ledger, which the node does not trust: the amount and proof are sent to the contract, which checks them against
 * the settled root, so a lying ledger can only make the claim fail. At most
 * {@value ClaimProofJson#MAX_PROOF} proof hashes.
 */
public final class DashboardClaim implements RpcMethod {
  private final Address operator;
  private final LedgerReads ledger;
  private final ClaimSender sender;

  public DashboardClaim(Address operator, LedgerReads ledger, ClaimSender sender) {
    this.operator = operator;
    this.ledger = ledger;
    this.sender = sender;
  }

  @Override
  public String name() {
    return MethodName.DASHBOARD_CLAIM.wire();
  }

  @Override
  public synchronized JsonNode execute(RpcParams params) throws RpcException, IOException {
    JsonNode proof;
    try {
      proof = ledger.claimProof(operator);
    } catch (RpcException e) {
      if (e.error() == RpcError.NOT_FOUND) {
        return answer("NOTHING_TO_CLAIM", BigInteger.ZERO, sender.claimed(operator));
      }
      throw new RpcException(RpcError.UNAVAILABLE, "the ledger gave no claim proof: " + e.getMessage());
    }
    ClaimProof claim = switch (ClaimProofJson.decode(proof)) {
      case Decoded.Ok<ClaimProof> ok -> ok.value();
      case Decoded.Invalid<ClaimProof> bad -> throw new RpcException(RpcError.UNAVAILABLE,
          "the ledger's claim proof is malformed: " + bad.message());
    };
    if (!claim.account().equals(operator)) {
      throw new RpcException(RpcError.UNAVAILABLE, "the ledger answered with the claim proof of " + claim.account()
          + ", not of " + operator);
    }
    BigInteger amount = claim.cumulativeAmount();
    BigInteger before = sender.claimed(operator);
    if (amount.compareTo(before) <= 0) {
      return answer("NOTHING_TO_CLAIM", BigInteger.ZERO, before);
    }
    ClaimSender.Sent sent = sender.claim(operator, amount, claim.proof());
    if (!sent.landed()) {
      throw new RpcException(RpcError.REJECTED, "the contract refused the claim: " + sent.refusal());
    }
    ObjectNode out = answer("CLAIMED", amount.subtract(before), sender.claimed(operator));
    out.put("transactionHash", sent.transaction().toHex()).put("blockNumber", Hex.quantity(sent.block()));
    return out;
  }

  private ObjectNode answer(String status, BigInteger amount, BigInteger claimedNow) {
    return JsonNodeFactory.instance.objectNode().put("status", status).put("account", operator.toChecksumHex())
        .put("amount", Hex.quantity(amount)).put("claimed", Hex.quantity(claimedNow));
  }
}
