package org.shardledger.bench.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Keccak256;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * A synthetic network for the settlement benchmark: {@code n} deals over 30 epochs, one operator per 100 deals and
 * one owner per 10 deals, three verifiers with t = 2. Each epoch 97 % of deals pass, 2 % are unreachable and 1 %
 * fail; the third verifier reports a wrong outcome for 1 % of deals.
 */
final class SyntheticNetwork {
  static final Eip712Domain DOMAIN =
      Eip712Domain.shardledger(31337, Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
  static final List<KeyPair> VERIFIERS = List.of(KeyPair.fromPrivateKey(BigInteger.valueOf(0x1001)),
      KeyPair.fromPrivateKey(BigInteger.valueOf(0x1002)), KeyPair.fromPrivateKey(BigInteger.valueOf(0x1003)));
  static final VerifierSet TWO_OF_THREE =
      new VerifierSet(Set.of(VERIFIERS.get(0).address(), VERIFIERS.get(1).address(), VERIFIERS.get(2).address()), 2);
  static final int EPOCHS = 30;

  final List<Deal> deals;
  final Map<Address, BigInteger> stakes;
  private final int n;

  SyntheticNetwork(int n) {
    this.n = n;
    int operators = Math.max(10, n / 100);
    int owners = Math.max(10, n / 10);
    deals = new ArrayList<>(n);
    stakes = new HashMap<>();
    BigInteger stake = BigInteger.TEN.pow(21);
    for (int i = 1; i <= n; i++) {
      Address operator = account(1, i % operators);
      stakes.put(operator, stake);
      deals.add(new Deal(i, account(2, i % owners), operator, new ShardCommitment(Bytes32.ofUnsigned(i), 1L << 30,
          4096), 32, BigInteger.valueOf(1_000_000_000L + i % 1000), 0, EPOCHS - 1));
    }
  }

  /** The epoch's signed reports (signing is not part of what is measured). */
  EpochAudits audits(long epoch) {
    Random random = new Random(epoch * 31 + n);
    AuditOutcome[] truth = new AuditOutcome[n];
    for (int i = 0; i < n; i++) {
      int x = random.nextInt(100);
      truth[i] = x < 97 ? AuditOutcome.PASS : x < 99 ? AuditOutcome.UNREACHABLE : AuditOutcome.FAIL;
    }
    List<SignedReport> reports = new ArrayList<>();
    for (int v = 0; v < VERIFIERS.size(); v++) {
      List<DealResult> results = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        AuditOutcome o = v == 2 && random.nextInt(100) == 0 ? AuditOutcome.values()[random.nextInt(3)] : truth[i];
        results.add(new DealResult(i + 1, o));
      }
      AuditReport report = AuditResults.report(epoch, results);
      reports.add(new SignedReport(report, DOMAIN.sign(report, VERIFIERS.get(v)), results));
    }
    return EpochAudits.of(epoch, reports);
  }

  /** Addresses are hashes in real life; sequential ones would collide in hash tables. */
  private static Address account(int kind, int i) {
    return Address.of(Arrays.copyOf(Keccak256.hash(kind + ":" + i).toArray(), Address.SIZE));
  }
}
