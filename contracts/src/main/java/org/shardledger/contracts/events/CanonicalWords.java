package org.shardledger.contracts.events;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shardledger.protocol.bytes.Hex;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;

/**
 * The check web3j does not make: each word of a log for a {@code uintN} (or {@code address}) parameter must be below
 * 2^N. web3j keeps the low N bits of a larger word (2^64 in a {@code uint64} slot decodes as 0), so without this a
 * contract that is not Solidity's could make the node read another value than the one on chain.
 */
final class CanonicalWords {
  private static final Pattern UINT = Pattern.compile("Uint(\\d+)");

  private CanonicalWords() {}

  /** Throws {@link ChainFields.DoesNotFit} naming the first word wider than its type. */
  static void check(Event event, List<String> topics, String data) {
    List<? extends TypeReference<?>> indexed = event.getIndexedParameters();
    for (int i = 0; i < indexed.size() && i + 1 < topics.size(); i++) {
      checkWord(indexed.get(i), Hex.decode(topics.get(i + 1)), 0, "indexed parameter " + i);
    }
    byte[] bytes = Hex.decode(data == null ? "0x" : data);
    List<? extends TypeReference<?>> plain = event.getNonIndexedParameters();
    for (int i = 0; i < plain.size() && 32 * (i + 1) <= bytes.length; i++) {
      checkWord(plain.get(i), bytes, 32 * i, "parameter " + i);
    }
  }

  private static void checkWord(TypeReference<?> type, byte[] bytes, int offset, String what) {
    String name = name(type);
    int bits = bits(name);
    if (bits <= 0 || bits >= 256 || bytes.length < offset + 32) {
      return;
    }
    byte[] word = new byte[32];
    System.arraycopy(bytes, offset, word, 0, 32);
    BigInteger value = new BigInteger(1, word);
    if (value.bitLength() > bits) {
      throw new ChainFields.DoesNotFit(what + " (" + name.toLowerCase() + ") is "
          + value + ", wider than its type");
    }
  }

  private static String name(TypeReference<?> type) {
    try {
      return type.getClassType().getSimpleName();
    } catch (ClassNotFoundException e) {
      return "";
    }
  }

  private static int bits(String name) {
    if (name.equals("Address")) {
      return 160;
    }
    Matcher m = UINT.matcher(name);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }
}
