package org.shardledger.client.placement;

import java.util.List;

/** A part's placement, or why there is none. */
public sealed interface PlacementResult permits PlacementResult.Placed, PlacementResult.NotEnoughOperators {
  record Placed(Placement placement) implements PlacementResult {}

  /** Fewer than k + m distinct eligible operators; every excluded one with its reason. */
  record NotEnoughOperators(int needed, int eligible, List<Exclusion> excluded) implements PlacementResult {
    public NotEnoughOperators {
      excluded = List.copyOf(excluded);
    }

    public String describe() {
      StringBuilder text = new StringBuilder("need " + needed + " distinct operators in the allowed regions whose "
          + "terms admit the deal, found " + eligible);
      excluded.forEach(e -> text.append("\n  ").append(e.operator()).append(": ").append(e.reason()));
      return text.toString();
    }
  }
}
