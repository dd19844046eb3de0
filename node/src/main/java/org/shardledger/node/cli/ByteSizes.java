package org.shardledger.node.cli;

import java.util.Locale;

/** Byte sizes as people write them (4096, 64k, 1.5g) and as the command prints them. */
final class ByteSizes {
  private static final String UNITS = "kmgtp";

  private ByteSizes() {}

  static long parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
    if (t.isEmpty()) {
      throw new IllegalArgumentException("not a size: \"" + text + "\"");
    }
    int unit = UNITS.indexOf(t.charAt(t.length() - 1));
    String number = unit >= 0 ? t.substring(0, t.length() - 1) : t;
    try {
      double value = Double.parseDouble(number);
      double bytes = value * Math.pow(1024, unit + 1);
      if (value < 0 || bytes > Long.MAX_VALUE || Double.isNaN(bytes)) {
        throw new IllegalArgumentException("size out of range: \"" + text + "\"");
      }
      return (long) bytes;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a size: \"" + text + "\" (try 4096, 64k, 1m, 2g)");
    }
  }

  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    int exp = (int) (Math.log(bytes) / Math.log(1024));
    return String.format(Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, exp),
        Character.toUpperCase(UNITS.charAt(exp - 1)));
  }
}
