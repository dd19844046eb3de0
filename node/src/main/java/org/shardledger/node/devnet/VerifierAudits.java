package org.shardledger.node.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shardledger.protocol.bytes.Hex;

/**
 * What the ledger knows of each verifier's audits over a span of epochs, from one {@code audit_getResults}
 * answer: the settled verdicts (PASS, FAIL, UNREACHABLE) of the deals audited, and per verifier how many of them
 * it disagreed with (split by what it reported instead) and how many of its reports the ledger refused. The ledger
 * records no more per verifier: agreeing reports are not listed one by one. The answer is not trusted: whatever is
 * not one of the three outcomes counts as "other", and a verifier is matched by its address only.
 */
final class VerifierAudits {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> OUTCOMES = List.of("PASS", "FAIL", "UNREACHABLE");

  private VerifierAudits() {}

  /** The figures for {@code verifiers} (addresses) from {@code results}, the answer for epochs from-to. */
  static JsonNode of(JsonNode results, long from, long to, List<String> verifiers) {
    ObjectNode out = JSON.objectNode().put("fromEpoch", Hex.quantity(from)).put("toEpoch", Hex.quantity(to));
    if (results.has("error")) {
      return out.set("error", results.get("error"));
    }
    Map<String, Integer> verdicts = counts();
    Map<String, Map<String, Integer>> disagreed = new LinkedHashMap<>();
    Map<String, Integer> refused = new LinkedHashMap<>();
    for (String v : verifiers) {
      disagreed.put(key(v), counts());
      refused.put(key(v), 0);
    }
    for (JsonNode entry : results.path("results")) {
      if (!"AUDITED".equals(entry.path("basis").asText())) {
        continue;
      }
      verdicts.merge(outcome(entry.path("outcome")), 1, Integer::sum);
      for (JsonNode d : entry.path("disagreements")) {
        Map<String, Integer> of = disagreed.get(key(d.path("verifier").asText()));
        if (of != null) {
          of.merge(outcome(d.path("reported")), 1, Integer::sum);
        }
      }
    }
    for (JsonNode r : results.path("rejectedReports")) {
      refused.computeIfPresent(key(r.path("signer").asText()), (k, n) -> n + 1);
    }
    out.set("verdicts", node(verdicts));
    out.put("audited", Hex.quantity(verdicts.values().stream().mapToInt(i -> i).sum()));
    ObjectNode per = out.putObject("verifiers");
    for (String v : verifiers) {
      ObjectNode row = per.putObject(v);
      Map<String, Integer> d = disagreed.get(key(v));
      row.put("disagreed", Hex.quantity(d.values().stream().mapToInt(i -> i).sum()));
      row.set("reported", node(d));
      row.put("refused", Hex.quantity(refused.get(key(v))));
    }
    return out;
  }

  /** Counts as quantities, as the rest of the view has them. */
  private static ObjectNode node(Map<String, Integer> counts) {
    ObjectNode n = JSON.objectNode();
    counts.forEach((k, v) -> n.put(k, Hex.quantity(v)));
    return n;
  }

  private static Map<String, Integer> counts() {
    Map<String, Integer> m = new LinkedHashMap<>();
    OUTCOMES.forEach(o -> m.put(o, 0));
    m.put("other", 0);
    return m;
  }

  private static String outcome(JsonNode node) {
    return node.isTextual() && OUTCOMES.contains(node.asText()) ? node.asText() : "other";
  }

  private static String key(String address) {
    return address.toLowerCase(Locale.ROOT);
  }
}
