package org.shardledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;

/** Positional parameters of a request, read with Ethereum conventions and errors that name the position. */
public final class RpcParams {
  private final JsonNode params;

  public RpcParams(JsonNode params) {
    this.params = params;
  }

  public int size() {
    return params == null || !params.isArray() ? 0 : params.size();
  }

  public JsonNode raw(int i) throws RpcException {
    if (params == null || !params.isArray() || i >= params.size() || params.get(i).isNull()) {
      throw new RpcException(RpcError.INVALID_PARAMS, "missing parameter " + i);
    }
    return params.get(i);
  }

  public Optional<JsonNode> optional(int i) {
    if (params == null || !params.isArray() || i >= params.size() || params.get(i).isNull()) {
      return Optional.empty();
    }
    return Optional.of(params.get(i));
  }

  public Address address(int i) throws RpcException {
    return parse(i, "an address (0x + 40 hex digits)", n -> Address.fromHex(n.asText()));
  }

  public Bytes32 bytes32(int i) throws RpcException {
    return parse(i, "32 bytes of 0x hex", n -> Bytes32.fromHex(n.asText()));
  }

  /** A quantity as 0x hex (or a decimal number). */
  public long quantity(int i) throws RpcException {
    return parse(i, "a quantity (0x hex)", n -> n.isNumber() ? n.asLong() : Hex.parseLongQuantity(n.asText()));
  }

  public BigInteger bigQuantity(int i) throws RpcException {
    return parse(i, "a quantity (0x hex)", n -> n.isNumber() ? n.bigIntegerValue() : Hex.parseQuantity(n.asText()));
  }

  private interface Reader<T> {
    T read(JsonNode node);
  }

  private <T> T parse(int i, String what, Reader<T> reader) throws RpcException {
    JsonNode node = raw(i);
    if (!node.isTextual() && !node.isNumber()) {
      throw new RpcException(RpcError.INVALID_PARAMS, "parameter " + i + " must be " + what);
    }
    try {
      return reader.read(node);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new RpcException(RpcError.INVALID_PARAMS, "parameter " + i + " must be " + what + ": " + e.getMessage());
    }
  }
}
