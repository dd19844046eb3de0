package org.shardledger.protocol.terms;

import java.util.Objects;

/** A deal outside an operator's terms: the rule it breaks and by how much. */
public record TermsBreach(TermsRule rule, String detail) {
  public TermsBreach {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
  }

  /** What a refusal says: {@code rule maxDurationEpochs: the deal runs …}. */
  public String message() {
    return "rule " + rule.field() + ": " + detail;
  }
}
