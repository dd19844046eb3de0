package org.shardledger.ledger.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.json.Decoded;
import org.shardledger.rpc.json.SettlementSignature;
import org.shardledger.rpc.json.SettlementSignatureJson;
import org.shardledger.rpc.json.SignSettlementRequest;
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
    JsonNode result;
    try {
      result = rpc.call("verifier_signSettlement", SignSettlementRequestJson.encode(request));
    } catch (RpcException e) {
      if (e.error() == RpcError.NOT_READY) {
        OptionalLong from = e.data().map(d -> d.get("fromEpoch")).filter(JsonNode::isTextual)
            .map(n -> OptionalLong.of(Hex.parseLongQuantity(n.asText()))).orElse(OptionalLong.empty());
        return new SignAnswer.NotReady(from, e.getMessage());
      }
      return new SignAnswer.Refused(e.error() == RpcError.REJECTED ? e.getMessage()
          : e.error().meaning() + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return new SignAnswer.Refused("an answer that cannot be read: " + e.getMessage());
    }
    return switch (SettlementSignatureJson.decode(result)) {
      case Decoded.Ok<SettlementSignature> ok -> new SignAnswer.Signed(ok.value());
      case Decoded.Invalid<SettlementSignature> bad -> new SignAnswer.Refused("an answer that is not a signature: "
          + bad.message());
    };
  }
}
