package org.shardledger.client.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Strict reading of one JSON object of the manifest; every error names the field's path. */
final class Fields {
  private final JsonNode node;
  private final String path;

  Fields(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    this.node = node;
    this.path = path;
  }

  void only(String... names) {
    Set<String> allowed = Set.of(names);
    node.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown field " + path + "." + name);
      }
    });
  }

  boolean has(String name) {
    return node.has(name);
  }

  private JsonNode required(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field " + path + "." + name);
    }
    return v;
  }

  String text(String name) {
    JsonNode v = required(name);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(path + "." + name + " must be a string");
    }
    return v.textValue();
  }

  /** A non-negative integer no larger than 2^53 − 1. */
  long number(String name) {
    JsonNode v = required(name);
    if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0
        || v.bigIntegerValue().compareTo(BigInteger.valueOf(CanonicalJson.MAX_INTEGER)) > 0) {
      throw new IllegalArgumentException(path + "." + name + " must be an integer from 0 to 2^53 - 1, got " + v);
    }
    return v.longValue();
  }

  int integer(String name) {
    long v = number(name);
    if (v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(path + "." + name + " is too large: " + v);
    }
    return (int) v;
  }

  Fields object(String name) {
    return new Fields(required(name), path + "." + name);
  }

  List<Fields> objects(String name) {
    JsonNode v = required(name);
    if (!v.isArray()) {
      throw new IllegalArgumentException(path + "." + name + " must be an array");
    }
    List<Fields> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(new Fields(v.get(i), path + "." + name + "[" + i + "]"));
    }
    return out;
  }

  /** An array of uint256 values written as decimal strings. */
  List<BigInteger> decimals(String name) {
    JsonNode v = required(name);
    if (!v.isArray()) {
      throw new IllegalArgumentException(path + "." + name + " must be an array");
    }
    List<BigInteger> out = new ArrayList<>();
    for (JsonNode d : v) {
      if (!d.isTextual() || !d.textValue().matches("0|[1-9][0-9]{0,77}")) {
        throw new IllegalArgumentException(path + "." + name + " holds decimal strings, got " + d);
      }
      out.add(new BigInteger(d.textValue()));
    }
    return out;
  }

  /** Builds a value, naming this object's path in the error when the value refuses what it was given. */
  <T> T wrap(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }
}
