package org.shardledger.client.retrieval;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Fewer than k shards of a part could be had: which ones were missing, and what each attempt came to. */
public final class PartUnavailableException extends IOException {
  private final int part;
  private final int needed;
  private final Map<Integer, List<String>> failures;

  public PartUnavailableException(int part, int needed, int fetched, Map<Integer, List<String>> failures) {
    super("part " + part + ": " + fetched + " of the " + needed + " shards it needs could be fetched; "
        + failures.entrySet().stream().map(e -> "shard " + e.getKey() + ": "
            + (e.getValue().isEmpty() ? "no holder known" : String.join("; ", e.getValue())))
        .collect(Collectors.joining(" | ")));
    this.part = part;
    this.needed = needed;
    this.failures = Map.copyOf(failures);
  }

  public int part() {
    return part;
  }

  public int needed() {
    return needed;
  }

  /** Each shard that could not be had, with one line per holder tried. */
  public Map<Integer, List<String>> failures() {
    return failures;
  }
}
