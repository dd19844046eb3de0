package org.shardledger.protocol.aggregation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.eip712.Eip712Domain;

/** Test verifiers (three members, t = 2, and an outsider) and their signed reports. */
public final class Reports {
  public static final Eip712Domain DOMAIN =
      Eip712Domain.shardledger(31337, Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
  public static final KeyPair V1 = KeyPair.fromPrivateKey(BigInteger.valueOf(0x1001));
  public static final KeyPair V2 = KeyPair.fromPrivateKey(BigInteger.valueOf(0x1002));
  public static final KeyPair V3 = KeyPair.fromPrivateKey(BigInteger.valueOf(0x1003));
  public static final KeyPair OUTSIDER = KeyPair.fromPrivateKey(BigInteger.valueOf(0x1004));
  public static final VerifierSet TWO_OF_THREE =
      new VerifierSet(Set.of(V1.address(), V2.address(), V3.address()), 2);

  private Reports() {}

  /** A correctly signed report of {@code outcomes} (deal id → outcome). */
  public static SignedReport signed(KeyPair verifier, long epoch, Map<Long, AuditOutcome> outcomes) {
    List<DealResult> results = results(outcomes);
    return new SignedReport(AuditResults.report(epoch, results), DOMAIN.sign(AuditResults.report(epoch, results),
        verifier), results);
  }

  /** Every listed deal with the same outcome. */
  public static SignedReport signed(KeyPair verifier, long epoch, AuditOutcome outcome, long... dealIds) {
    Map<Long, AuditOutcome> outcomes = new TreeMap<>();
    for (long id : dealIds) {
      outcomes.put(id, outcome);
    }
    return signed(verifier, epoch, outcomes);
  }

  public static List<DealResult> results(Map<Long, AuditOutcome> outcomes) {
    List<DealResult> results = new ArrayList<>();
    new TreeMap<>(outcomes).forEach((id, o) -> results.add(new DealResult(id, o)));
    return results;
  }
}
