package org.shardledger.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import java.util.OptionalLong;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;

/**
 * A verifier's answer to {@code verifier_signSettlement}, and its JSON-RPC form: the signature as the result,
 * NOT_READY (with {@code data.fromEpoch} when the ledger must resend from an earlier epoch) or REJECTED with what
 * differs. The verifier produces it, the ledger reads it back.
 */
public sealed interface SignAnswer {

  /** Recomputed, identical, signed. */
  record Signed(SettlementSignature signature) implements SignAnswer {
    public Signed {
      Objects.requireNonNull(signature, "signature");
    }
  }

  /**
   * Not yet: the verifier's chain view is behind the request, or its own state starts before the request's first
   * epoch ({@code fromEpoch}: resend with the settlements from that epoch).
   */
  record NotReady(OptionalLong fromEpoch, String reason) implements SignAnswer {
    public NotReady {
      Objects.requireNonNull(fromEpoch, "fromEpoch");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Not this settlement: what differs from the verifier's own recomputation, or what in the request is wrong. */
  record Refused(String reason) implements SignAnswer {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The JSON-RPC result of the answer; NOT_READY and REJECTED are thrown as the errors they are. */
  default JsonNode toResult() throws RpcException {
    return switch (this) {
      case Signed s -> SettlementSignatureJson.encode(s.signature());
      case Refused r -> throw new RpcException(RpcError.REJECTED, r.reason());
      case NotReady n -> throw new RpcException(RpcError.NOT_READY, n.reason(), n.fromEpoch().isPresent()
          ? JsonNodeFactory.instance.objectNode().put("fromEpoch", Hex.quantity(n.fromEpoch().getAsLong())) : null);
    };
  }

  /** The answer a result stands for. */
  static SignAnswer ofResult(JsonNode result) {
    return switch (SettlementSignatureJson.decode(result)) {
      case Decoded.Ok<SettlementSignature> ok -> new Signed(ok.value());
      case Decoded.Invalid<SettlementSignature> bad -> new Refused("an answer that is not a signature: "
          + bad.message());
    };
  }

  /** The answer an error stands for. */
  static SignAnswer ofError(RpcException e) {
    if (e.error() == RpcError.NOT_READY) {
      JsonNode from = e.data().map(d -> d.get("fromEpoch")).orElse(null);
      try {
        return new NotReady(from != null && from.isTextual() ? OptionalLong.of(Hex.parseLongQuantity(from.asText()))
            : OptionalLong.empty(), e.getMessage());
      } catch (IllegalArgumentException bad) {
        return new Refused("a NOT_READY answer with a malformed fromEpoch: " + bad.getMessage());
      }
    }
    return new Refused(e.error() == RpcError.REJECTED ? e.getMessage() : e.error().meaning() + ": " + e.getMessage());
  }
}
