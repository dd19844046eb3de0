package org.shardledger.node.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.verifier.VerifierConfig;
import org.shardledger.node.verifier.VerifierRole;
import org.shardledger.node.verifier.VerifierRoleFactory;
import org.shardledger.node.verifier.VerifierRoleSettings;
import org.shardledger.rpc.RpcMetrics;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.audit.AuditSettings;
import org.shardledger.verifier.reputation.OperatorReputation;
import org.shardledger.verifier.store.AuditRecord;

/**
 * One verifier against four operators on loopback and a real Anvil: an honest one, one that lost 10% of its
 * segments, one that is down for one attempt, and an "operator" that answers with garbage.
 *
 * <p>Sampling math for the lossy operator: with a fraction f = 0.1 of segments gone and k = 32 samples per epoch,
 * an epoch misses the loss with probability (1 − f)^k = 0.9^32 ≈ 3.4%; three audited epochs all miss it with
 * probability ≈ 0.004%. The test demands a FAIL within those three epochs.
 */
class VerifierAuditIT {
  static final KeyPair VERIFIER = DevAccounts.key(7);
  static final KeyPair OWNER = DevAccounts.key(6);

  @TempDir
  Path dir;

  @Test
  void honestPassLossyFailsFlakyRecoversGarbageIsUnreachable() throws Exception {
    try (TestNetwork net = TestNetwork.start(dir, 0.2, 15, List.of(VERIFIER), 1);
        GarbageServer garbage = new GarbageServer()) {
      TestNetwork.Operator honest = net.operator(DevAccounts.key(1));
      TestNetwork.Operator lossy = net.operator(DevAccounts.key(2));
      TestNetwork.Operator flaky = net.operator(DevAccounts.key(3));
      net.registerWithoutNode(DevAccounts.key(4), garbage.endpoint());

      Random random = new Random(42);
      // Four 3 s epochs ahead: storing four deals can outlast two epochs on a loaded machine.
      long first = net.currentEpoch() + 4;
      long last = first + 4;
      long honestDeal = net.store(OWNER, honest, bytes(random, 200 * 1024), 8, first, last);
      long lossyDeal = net.store(OWNER, lossy, bytes(random, 400 * 1024), 32, first, last);
      long flakyDeal = net.store(OWNER, flaky, bytes(random, 100 * 1024), 8, first, last);
      long garbageDeal = net.activateWithoutUpload(OWNER, DevAccounts.key(4), bytes(random, 50 * 1024), 8, first,
          last);
      loseTenPercent(lossy, lossyDeal, random);

      VerifierConfig config = VerifierConfig.defaults(dir.resolve("verifier")).withRpc(null)
          .withTiming(1, Duration.ofMillis(100))
          .withAudits(new AuditSettings(16, 3, Duration.ofMillis(1500), Duration.ofSeconds(2)));
      try (VerifierRole verifier = VerifierRoleFactory.create(new VerifierRoleSettings(config, net.chain().rpcUrl(),
          net.chain().deployment(), VERIFIER, List.of()), new VerifierStatusLog(), RpcMetrics.NONE)) {
        verifier.start();
        await("flaky's result for epoch " + first, () -> resultOf(verifier, first, flakyDeal) != null, 60_000);
        flaky.stop();
        await("a failed attempt at flaky in epoch " + (first + 1),
            () -> attemptsOf(verifier, first + 1, flakyDeal) > 0, 60_000);
        flaky.start();

        for (long e = first; e <= first + 2; e++) {
          long epoch = e;
          await("the report of epoch " + epoch, () -> verifier.audits() != null && reportSigned(verifier, epoch),
              90_000);
        }

        for (long e = first; e <= first + 2; e++) {
          assertThat(resultOf(verifier, e, honestDeal).outcome()).as("honest, epoch %d", e)
              .isEqualTo(AuditOutcome.PASS);
          assertThat(resultOf(verifier, e, flakyDeal).outcome()).as("flaky, epoch %d", e)
              .isEqualTo(AuditOutcome.PASS);
          AuditRecord g = resultOf(verifier, e, garbageDeal);
          assertThat(g.outcome()).as("garbage, epoch %d: %s", e, g).isEqualTo(AuditOutcome.UNREACHABLE);
          assertThat(g.attempts()).isEqualTo(3);
        }
        AuditRecord recovered = resultOf(verifier, first + 1, flakyDeal);
        assertThat(recovered.attempts()).as("PASS on a retry after an unreachable try").isGreaterThanOrEqualTo(2);

        List<AuditRecord> lossyResults = List.of(resultOf(verifier, first, lossyDeal),
            resultOf(verifier, first + 1, lossyDeal), resultOf(verifier, first + 2, lossyDeal));
        assertThat(lossyResults).as("a 10%% loss is caught within three epochs").anyMatch(r -> r.outcome()
            == AuditOutcome.FAIL);
        assertThat(lossyResults).noneMatch(r -> r.outcome() == AuditOutcome.UNREACHABLE);

        OperatorReputation honestRep = verifier.audits().reputation(honest.key().address());
        assertThat(honestRep.fails()).isZero();
        assertThat(verifier.audits().reputation(flaky.key().address()).fails()).isZero();
        assertThat(verifier.audits().reputation(lossy.key().address()).fails()).isPositive();
        assertThat(verifier.audits().reputationHistory(lossy.key().address(), 10))
            .anyMatch(c -> c.outcome() == AuditOutcome.FAIL && !c.reason().isBlank());
      }
    }
  }

  static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** Zeroes 10% of the shard's 4 KiB segments on the operator's disk. */
  static void loseTenPercent(TestNetwork.Operator operator, long dealId, Random random) throws Exception {
    Path data = operator.node().store().find(dealId).orElseThrow().data();
    try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
      int segments = (int) ((file.length() + 4095) / 4096);
      java.util.Set<Integer> lost = new java.util.HashSet<>();
      while (lost.size() < segments / 10) {
        lost.add(random.nextInt(segments));
      }
      for (int s : lost) {
        file.seek(s * 4096L);
        file.write(new byte[(int) Math.min(4096, file.length() - s * 4096L)]);
      }
    }
  }

  static AuditRecord resultOf(VerifierRole verifier, long epoch, long dealId) {
    try {
      return verifier.audits().results(epoch).stream().filter(r -> r.dealId() == dealId).findFirst().orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  static int attemptsOf(VerifierRole verifier, long epoch, long dealId) {
    try {
      return (int) verifier.audits().attempts(epoch, dealId);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  static boolean reportSigned(VerifierRole verifier, long epoch) {
    try {
      return verifier.reports().report(epoch).isPresent();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  static void await(String what, BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
