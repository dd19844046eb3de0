package org.shardledger.rpc.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.payout.ClaimProof;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SettlementWithSlashes;
import org.shardledger.protocol.settlement.Slash;
import org.shardledger.protocol.settlement.Terminations;
import org.shardledger.testkit.PropertySeeds;
import org.shardledger.testkit.RandomAccounts;
import org.shardledger.testkit.TestDomain;

/** Random values of the JSON forms, each from a seed (docs/decisions/0001). */
final class Samples {
  static final Eip712Domain DOMAIN = TestDomain.DOMAIN;
  static final List<KeyPair> KEYS = List.of(KeyPair.fromPrivateKey(BigInteger.valueOf(0x1001)),
      KeyPair.fromPrivateKey(BigInteger.valueOf(0x1002)), KeyPair.fromPrivateKey(BigInteger.valueOf(0x1003)));

  private Samples() {}

  static Stream<Long> seeds() {
    return PropertySeeds.seeds();
  }

  static SignedReport report(Random r, long epoch) {
    List<DealResult> results = new ArrayList<>();
    long id = 1;
    for (int i = 0, n = r.nextInt(6); i < n; i++) {
      id += 1 + r.nextInt(r.nextBoolean() ? 3 : 1_000_000);
      results.add(new DealResult(id, AuditOutcome.values()[r.nextInt(3)]));
    }
    AuditReport report = AuditResults.report(epoch, results);
    return new SignedReport(report, DOMAIN.sign(report, KEYS.get(r.nextInt(KEYS.size()))), results);
  }

  static Address address(Random r) {
    return RandomAccounts.address(r);
  }

  static BigInteger amount(Random r) {
    return new BigInteger(1 + r.nextInt(r.nextBoolean() ? 64 : 256), r);
  }

  static SettlementWithSlashes settlement(Random r, long epoch) {
    Map<Address, BigInteger> slashed = new TreeMap<>();
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      slashed.put(address(r), amount(r).add(BigInteger.ONE));
    }
    List<Slash> slashes = slashed.entrySet().stream().map(e -> new Slash(e.getKey(), e.getValue())).toList();
    byte[] root = new byte[32];
    r.nextBytes(root);
    List<Long> terminations = r.nextBoolean() ? List.of() : List.of(1 + r.nextLong(1000), 1001 + r.nextLong(1000));
    return new SettlementWithSlashes(new Settlement(Math.max(0, epoch - r.nextInt(3)), epoch, Bytes32.of(root),
        amount(r), Slash.hash(slashes), Terminations.hash(terminations)), slashes, terminations);
  }

  static ClaimProof claimProof(Random r) {
    List<Bytes32> path = new ArrayList<>();
    for (int i = 0, n = r.nextInt(ClaimProofJson.MAX_PROOF + 1); i < n; i++) {
      byte[] h = new byte[32];
      r.nextBytes(h);
      path.add(Bytes32.of(h));
    }
    byte[] root = new byte[32];
    r.nextBytes(root);
    return new ClaimProof(address(r), r.nextInt(1 << 20), Bytes32.of(root), amount(r), path, r.nextInt(1 << 30));
  }

  static SettlementStep step(Random r, long from, long to) {
    Map<Address, BigInteger> stakes = new HashMap<>();
    for (int i = 0, n = r.nextInt(4); i < n; i++) {
      stakes.put(address(r), r.nextInt(4) == 0 ? BigInteger.ZERO : amount(r));
    }
    List<EpochAudits> audits = new ArrayList<>();
    for (long e = from; e <= to; e++) {
      if (r.nextInt(5) == 0) {
        audits.add(EpochAudits.beaconMissing(e));
      } else {
        List<SignedReport> reports = new ArrayList<>();
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
          reports.add(report(r, e));
        }
        audits.add(EpochAudits.of(e, reports));
      }
    }
    VerifierSet set = new VerifierSet(Set.of(KEYS.get(0).address(), KEYS.get(1).address(), KEYS.get(2).address()),
        1 + r.nextInt(3));
    return new SettlementStep(Math.abs(r.nextLong() >>> 20), stakes, set, audits, settlement(r, to));
  }
}
