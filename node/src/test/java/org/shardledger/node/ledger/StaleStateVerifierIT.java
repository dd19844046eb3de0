package org.shardledger.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardledger.node.ledger.TestNetwork.CREDIT;
import org.shardledger.rpc.MethodName;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.settlement.SettlementConfig;
import org.shardledger.protocol.settlement.SettlementInput;
import org.shardledger.protocol.settlement.SettlementResult;
import org.shardledger.protocol.settlement.SettlementRules;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SettlementWithSlashes;
import org.shardledger.protocol.settlement.SignSettlementRequest;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.json.SignSettlementRequestJson;

/**
 * The "slashed twice" attack on the verifier's side, on Anvil: verifiers 0 and 1 settle the epoch in which a deal
 * failed (its slash lands). Verifier 2 signed nothing, so its own settlement state is still at genesis. It is then
 * asked to sign a settlement of the next epoch computed from genesis, i.e. from the same state as the one that
 * landed, which would apply the slash again. Its confirmed view of the chain says the chain has settled through
 * that epoch, so it must refuse.
 */
class StaleStateVerifierIT {
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(3);
  static final BigInteger PRICE = CREDIT.multiply(BigInteger.TEN);

  @TempDir
  static Path dir;
  static TestNetwork net;
  static long first;
  static long deal;

  @BeforeAll
  static void start() throws Exception {
    net = TestNetwork.start(dir, 10);
    net.registerOperator(OPERATOR, 100);
    first = net.epoch() + 1;
    deal = net.deal(OWNER, OPERATOR, PRICE, first, first + 5);
  }

  @AfterAll
  static void stop() throws Exception {
    if (net != null) {
      net.close();
    }
  }

  @Test
  void aVerifierWithAStaleStateRefusesASettlementFromBeforeTheChainsSettledThrough() throws Exception {
    SettlementRules rules = new SettlementRules(SettlementConfig.DEFAULT, net.local.deployment().domain());
    VerifierSet set = new VerifierSet(new HashSet<>(TestNetwork.VERIFIER_KEYS.stream().map(KeyPair::address)
        .toList()), 2);
    List<EpochAudits> audits = new ArrayList<>();
    for (long e = 0; e < first; e++) {
      audits.add(EpochAudits.beaconMissing(e));
    }
    try (Chain sender = net.local.connect(TestNetwork.ledgerKey())) {
      for (long e = first; e <= first + 1; e++) {
        net.mineToEpoch(e);
        sender.beacons().record(e).mined();
        AuditOutcome outcome = e == first ? AuditOutcome.FAIL : AuditOutcome.PASS;
        List<SignedReport> reports = List.of(net.report(0, e, Map.of(deal, outcome)),
            net.report(1, e, Map.of(deal, outcome)));
        audits.add(EpochAudits.of(e, reports));
      }
      net.mineToEpoch(first + 2);
      long block = net.head();
      Map<Address, BigInteger> stakes = Map.of(OPERATOR.address(), sender.operators().stakeAt(OPERATOR.address(),
          block));

      // verifiers 0 and 1 settle epoch `first` from genesis: the failed epoch's slash lands
      SettlementResult landed = rules.settle(SettlementState.genesis(), new SettlementInput(first,
          List.of(net.reader.deals().get(deal).orElseThrow().deal()), stakes, set, audits.subList(0, (int) first + 1)));
      assertThat(landed.slashes()).hasSize(1);
      sender.settlements().settle(landed.settlement(), landed.slashes(), landed.terminations(), List.of(
          net.local.deployment().domain().sign(landed.settlement(), TestNetwork.VERIFIER_KEYS.get(0)),
          net.local.deployment().domain().sign(landed.settlement(), TestNetwork.VERIFIER_KEYS.get(1)))).mined();
      long settledAt = net.head();
      TestVerifier stale = net.verifiers.get(2);
      net.await(() -> confirmed(stale) >= settledAt, settledAt + 8, Duration.ofSeconds(30));

      // the same state, one epoch further: the slash of epoch `first` again
      SettlementResult again = rules.settle(SettlementState.genesis(), new SettlementInput(first + 1,
          List.of(net.reader.deals().get(deal).orElseThrow().deal()), stakes, set, audits));
      assertThat(again.slashes()).isEqualTo(landed.slashes());
      SettlementStep step = new SettlementStep(block, stakes, set, audits,
          new SettlementWithSlashes(again.settlement(), again.slashes(), again.terminations()));
      RpcClient rpc = new RpcClient(stale.url(), Duration.ofSeconds(10));
      RpcException refusal = null;
      try {
        rpc.call(MethodName.VERIFIER_SIGN_SETTLEMENT, SignSettlementRequestJson.encode(SignSettlementRequest.of(step)));
      } catch (RpcException e) {
        refusal = e;
      }
      assertThat(refusal).as("the stale verifier signed a settlement that re-applies a landed slash").isNotNull();
      assertThat(refusal.error()).isEqualTo(RpcError.REJECTED);
      assertThat(refusal.getMessage()).contains("settled through");
    }
  }

  static long confirmed(TestVerifier verifier) {
    try {
      return verifier.mirror.mirroredThrough();
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
