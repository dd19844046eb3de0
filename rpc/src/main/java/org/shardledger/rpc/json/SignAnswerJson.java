package org.shardledger.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.OptionalLong;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.settlement.SettlementSignature;
import org.shardledger.protocol.settlement.SignAnswer;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;

/**
 * The JSON-RPC form of a {@link SignAnswer} to {@code verifier_signSettlement}: the signature as the result,
 * NOT_READY (with {@code data.fromEpoch} when the ledger must resend from an earlier epoch) or REJECTED with what
 * differs.
 */
public final class SignAnswerJson {
  private SignAnswerJson() {}

  /** The JSON-RPC result of the answer; NOT_READY and REJECTED are thrown as the errors they are. */
  public static JsonNode toResult(SignAnswer answer) throws RpcException {
    return switch (answer) {
      case SignAnswer.Signed s -> SettlementSignatureJson.encode(s.signature());
      case SignAnswer.Refused r -> throw new RpcException(RpcError.REJECTED, r.reason());
      case SignAnswer.NotReady n -> throw new RpcException(RpcError.NOT_READY, n.reason(), n.fromEpoch().isPresent()
          ? JsonNodeFactory.instance.objectNode().put("fromEpoch", Hex.quantity(n.fromEpoch().getAsLong())) : null);
    };
  }

  /** The answer a result stands for. */
  public static SignAnswer ofResult(JsonNode result) {
    return switch (SettlementSignatureJson.decode(result)) {
      case Decoded.Ok<SettlementSignature> ok -> new SignAnswer.Signed(ok.value());
      case Decoded.Invalid<SettlementSignature> bad -> new SignAnswer.Refused("an answer that is not a signature: "
          + bad.message());
    };
  }

  /** The answer an error stands for. */
  public static SignAnswer ofError(RpcException e) {
    if (e.error() == RpcError.NOT_READY) {
      JsonNode from = e.data().map(d -> d.get("fromEpoch")).orElse(null);
      try {
        return new SignAnswer.NotReady(from != null && from.isTextual()
            ? OptionalLong.of(Hex.parseLongQuantity(from.asText())) : OptionalLong.empty(), e.getMessage());
      } catch (IllegalArgumentException bad) {
        return new SignAnswer.Refused("a NOT_READY answer with a malformed fromEpoch: " + bad.getMessage());
      }
    }
    return new SignAnswer.Refused(e.error() == RpcError.REJECTED ? e.getMessage()
        : e.error().meaning() + ": " + e.getMessage());
  }
}
