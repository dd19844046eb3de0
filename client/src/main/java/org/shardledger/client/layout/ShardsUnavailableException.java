package org.shardledger.client.layout;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Fewer than k good shards of a part were offered: names the missing ones and the bad ones (and why). */
public final class ShardsUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int needed;
  private final List<Integer> missing;
  private final Map<Integer, String> bad;

  public ShardsUnavailableException(int needed, List<Integer> missing, Map<Integer, String> bad) {
    super(message(needed, missing, bad));
    this.needed = needed;
    this.missing = List.copyOf(missing);
    this.bad = Map.copyOf(bad);
  }

  private static String message(int needed, List<Integer> missing, Map<Integer, String> bad) {
    StringBuilder s = new StringBuilder("the part needs " + needed + " good shards");
    if (!missing.isEmpty()) {
      s.append("; missing shards ").append(missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    if (!bad.isEmpty()) {
      s.append("; bad shards ").append(bad.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
    }
    return s.toString();
  }

  public int needed() {
    return needed;
  }

  /** Indices of the shards that were not offered, in order. */
  public List<Integer> missing() {
    return missing;
  }

  /** Indices of the offered shards that failed their check, with the reason. */
  public Map<Integer, String> bad() {
    return bad;
  }
}
