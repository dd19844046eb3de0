package org.shardledger.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;

/**
 * Reads a JSON document with Ethereum conventions (0x quantities, 0x data, addresses) and remembers where it is,
 * so that every problem names its place: {@code steps[0].audits[2].reports[1].signature: not 65 bytes}.
 */
public final class JsonReader {
  /** A decoder of one JSON form. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode(JsonReader reader);
  }

  /** A problem at a place in the document (internal to decoding; callers see {@link Decoded.Invalid}). */
  public static final class Problem extends RuntimeException {
    private final String path;

    Problem(String path, String message) {
      super(message, null, false, false);
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  private final JsonNode node;
  private final String path;

  private JsonReader(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static JsonReader root(JsonNode node) {
    return new JsonReader(node, "");
  }

  public String path() {
    return path;
  }

  public Problem problem(String message) {
    return new Problem(path, message);
  }

  /** A required member of this object. */
  public JsonReader field(String name) {
    JsonNode value = object().get(name);
    String at = path.isEmpty() ? name : path + "." + name;
    if (value == null || value.isNull()) {
      throw new Problem(at, "missing");
    }
    return new JsonReader(value, at);
  }

  public boolean has(String name) {
    JsonNode value = object().get(name);
    return value != null && !value.isNull();
  }

  private JsonNode object() {
    if (node == null || !node.isObject()) {
      throw problem("expected an object, got " + kind());
    }
    return node;
  }

  /** The elements of this array, at most {@code max} of them. */
  public List<JsonReader> elements(int max) {
    if (node == null || !node.isArray()) {
      throw problem("expected an array, got " + kind());
    }
    if (node.size() > max) {
      throw problem("at most " + max + " elements, got " + node.size());
    }
    List<JsonReader> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonReader(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  public <T> List<T> list(int max, Decoder<T> decoder) {
    List<T> out = new ArrayList<>();
    for (JsonReader element : elements(max)) {
      out.add(decoder.decode(element));
    }
    return out;
  }

  public String text() {
    if (!node.isTextual()) {
      throw problem("expected a string, got " + kind());
    }
    return node.asText();
  }

  public boolean bool() {
    if (!node.isBoolean()) {
      throw problem("expected true or false, got " + kind());
    }
    return node.asBoolean();
  }

  /** A non-negative quantity that fits a long: 0x hex (or a JSON integer). */
  public long quantity() {
    BigInteger value = bigQuantity();
    if (value.bitLength() > 63) {
      throw problem("quantity too large: " + value);
    }
    return value.longValueExact();
  }

  /** A non-negative quantity of at most 256 bits: 0x hex (or a JSON integer). */
  public BigInteger bigQuantity() {
    BigInteger value;
    if (node.isIntegralNumber()) {
      value = node.bigIntegerValue();
    } else if (node.isTextual() && (node.asText().startsWith("0x") || node.asText().startsWith("0X"))) {
      value = read(() -> Hex.parseQuantity(node.asText()));
    } else {
      throw problem("expected a quantity (0x hex), got " + kind());
    }
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw problem("not a uint256: " + value);
    }
    return value;
  }

  public Address address() {
    return read(() -> Address.fromHex(text()));
  }

  public Bytes32 bytes32() {
    return read(() -> Bytes32.fromHex(text()));
  }

  public Signature signature() {
    return read(() -> Signature.fromHex(text()));
  }

  /** One of the enum's constant names, exactly. */
  public <E extends Enum<E>> E constant(Class<E> type) {
    String value = text();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    throw problem("expected one of " + Arrays.toString(type.getEnumConstants()).replaceAll("[\\[\\]]", "")
        + ", got \"" + abbreviate(value) + "\"");
  }

  /** Runs a constructor or parser whose {@link IllegalArgumentException} becomes a problem at this place. */
  public <T> T read(java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (Problem p) {
      throw p;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw problem(e.getMessage());
    }
  }

  private String kind() {
    if (node == null || node.isNull()) {
      return "null";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + (node.isValueNode() ? " " + abbreviate(node.toString())
        : "");
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 36) + "…";
  }
}
