package org.shardledger.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcException;

/**
 * The settled verdict of one deal in one epoch as the ledger records it ({@code audit_getResults}), with its t-of-n
 * counts: what the {@link PayoutModel} pays from, checked against the counts by {@link #agrees}.
 */
public record Verdict(long epoch, long dealId, String outcome, String basis, int pass, int fail, int unreachable) {
  public static final String PASS = "PASS";
  public static final String FAIL = "FAIL";
  public static final String UNREACHABLE = "UNREACHABLE";

  /** Pays as PASS: a PASS, or an epoch whose beacon never reached the chain (nobody could be challenged). */
  public boolean pays() {
    return PASS.equals(outcome) || "BEACON_MISSING".equals(basis);
  }

  /** Whether the outcome is what the counts give with threshold {@code t}: PASS at t PASS, else FAIL at t FAIL. */
  public boolean agrees(int t) {
    if ("BEACON_MISSING".equals(basis)) {
      return true;
    }
    String expected = pass >= t ? PASS : fail >= t ? FAIL : UNREACHABLE;
    return expected.equals(outcome);
  }

  /** The ledger's verdicts of deal {@code dealId} for epochs {@code from..to}, in epoch order. */
  public static List<Verdict> read(RpcClient ledger, long dealId, long from, long to) throws IOException {
    JsonNode answer;
    try {
      answer = ledger.call(MethodName.AUDIT_GET_RESULTS, Map.of("dealId", hex(dealId), "fromEpoch", hex(from), "toEpoch",
          hex(to)));
    } catch (RpcException e) {
      throw new IOException("audit_getResults for deal " + dealId + ": " + e.getMessage(), e);
    }
    List<Verdict> out = new ArrayList<>();
    for (JsonNode r : answer.get("results")) {
      out.add(new Verdict(Long.decode(r.get("epoch").asText()), Long.decode(r.get("dealId").asText()),
          r.get("outcome").asText(), r.get("basis").asText(), Integer.decode(r.get("pass").asText()),
          Integer.decode(r.get("fail").asText()), Integer.decode(r.get("unreachable").asText())));
    }
    out.sort(java.util.Comparator.comparingLong(Verdict::epoch));
    return out;
  }

  private static String hex(long n) {
    return "0x" + Long.toHexString(n);
  }
}
