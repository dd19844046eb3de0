package org.shardledger.client.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values a manifest holds: objects with members sorted by name
 * (UTF-16 code units), arrays, strings, and integers no larger than 2^53 − 1; no whitespace. Anything else (a
 * fraction, a huge number, null, a boolean) is refused, so there is exactly one byte string per manifest.
 */
final class CanonicalJson {
  static final long MAX_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(names.get(i), out);
        out.append(':');
        write(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      Iterator<JsonNode> it = node.elements();
      for (int i = 0; it.hasNext(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(it.next(), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      string(node.textValue(), out);
    } else if (node.isIntegralNumber() && node.canConvertToLong() && Math.abs(node.longValue()) <= MAX_INTEGER) {
      out.append(node.longValue());
    } else {
      throw new IllegalArgumentException("not a canonical manifest value: " + node);
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
