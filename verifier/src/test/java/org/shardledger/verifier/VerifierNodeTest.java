package org.shardledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import org.shardledger.rpc.MethodName;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.chainstore.Database;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.ProofResponse;
import org.shardledger.protocol.merkle.Sha256;
import org.shardledger.protocol.merkle.ShardHasher;
import org.shardledger.protocol.proof.ProofBuilder;
import org.shardledger.protocol.proof.StorageProofCodec;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcMetrics;
import org.shardledger.testkit.TestDomain;
import org.shardledger.verifier.audit.AuditSettings;
import org.shardledger.verifier.audit.EpochCalendar;
import org.shardledger.verifier.audit.InMemoryAuditView;
import org.shardledger.verifier.audit.InMemoryChallenger;
import org.shardledger.verifier.report.ReportSink;
import org.shardledger.verifier.store.AuditStore;
import org.shardledger.verifier.store.EpochReportStore;
import org.shardledger.wire.client.ChallengeResult;

/**
 * A whole verifier without Anvil: its loops and JSON-RPC around an in-memory chain and operator and its H2 stores,
 * as its factory in {@code node} would build them with the real chain.
 */
class VerifierNodeTest {
  private static final long CHAIN_ID = TestDomain.CHAIN_ID;
  private static final Eip712Domain DOMAIN = TestDomain.DOMAIN;
  private static final KeyPair VERIFIER = KeyPair.fromPrivateKey(BigInteger.valueOf(0x7e21f1e5));
  private static final KeyPair OPERATOR = KeyPair.fromPrivateKey(BigInteger.valueOf(0x0be7a70d));
  private static final Bytes32 BEACON = Bytes32.ofUnsigned(0xbeac0aL);
  private static final EpochCalendar CALENDAR = new EpochCalendar() {
    @Override
    public long epochOf(long block) {
      return block / 10;
    }

    @Override
    public long startBlock(long epoch) {
      return 10 * epoch;
    }
  };

  @TempDir
  Path dir;

  @Test
  void auditsSignsDeliversRecordsBeaconsAndAnswersJsonRpc() throws Exception {
    byte[] data = new byte[256 * 5];
    new Random(3).nextBytes(data);
    ShardHasher.HashedShard shard = new ShardHasher(256).tree(Files.write(dir.resolve("shard"), data));
    Deal deal = new Deal(1, VERIFIER.address(), OPERATOR.address(), shard.commitment(), 3, BigInteger.ONE, 0, 9);
    InMemoryAuditView chain = new InMemoryAuditView().register(OPERATOR.address(), "127.0.0.1:7340").deal(deal)
        .beacon(2, BEACON).at(32, 30);
    InMemoryChallenger operators = new InMemoryChallenger().serve(OPERATOR.address(), (id, epoch) -> {
      Challenge challenge = Challenge.audit(BEACON, CHAIN_ID, id, epoch, 3);
      try {
        byte[] proof = StorageProofCodec.encode(ProofBuilder.build(challenge, shard.commitment(), shard.tree(),
            (i, length) -> Bytes.of(java.util.Arrays.copyOfRange(data, (int) i * 256, (int) i * 256 + length))));
        return new ChallengeResult.Proof(id, epoch, Bytes.of(proof),
            DOMAIN.sign(new ProofResponse(id, epoch, Sha256.hash(proof)), OPERATOR));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    List<SignedReport> delivered = new CopyOnWriteArrayList<>();
    ReportSink ledger = new ReportSink() {
      @Override
      public String name() {
        return "ledger-in-memory";
      }

      @Override
      public void submit(SignedReport report) {
        delivered.add(report);
      }
    };
    AtomicInteger beaconRounds = new AtomicInteger();
    VerifierConfig config = VerifierConfig.defaults(dir.resolve("verifier")).withTiming(2, Duration.ofMillis(20))
        .withRpc(new InetSocketAddress("127.0.0.1", 0))
        .withAudits(new AuditSettings(4, 2, Duration.ofMillis(1), Duration.ofSeconds(1)));
    try (Database db = Database.open(dir.resolve("db"), "verifier")) {
      AuditStore audits = new AuditStore(db, config.reputation());
      audits.setNextEpoch(2);
      EpochReportStore reports = new EpochReportStore(db);
      VerifierParts parts = new VerifierParts(CHAIN_ID, DOMAIN, chain, CALENDAR, operators, audits, reports,
          List.of(ledger), beaconRounds::incrementAndGet, List.of());
      try (VerifierNode node = new VerifierNode(config, VERIFIER, parts, new VerifierStatusLog(), RpcMetrics.NONE)) {
        node.start();
        await(() -> delivered.size() == 1 && beaconRounds.get() > 1);
        SignedReport report = delivered.get(0);
        assertThat(report.epoch()).isEqualTo(2);
        assertThat(report.results()).hasSize(1);
        assertThat(report.results().get(0).outcome().name()).isEqualTo("PASS");
        assertThat(DOMAIN.signer(report.report(), report.signature())).contains(VERIFIER.address());
        JsonNode results = new RpcClient(node.rpcUrl().orElseThrow(), Duration.ofSeconds(5))
            .call(MethodName.VERIFIER_GET_AUDIT_RESULTS,
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("PASS");
      }
      assertThat(operators.closed()).as("closing the node closes the operator connections").isTrue();
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s").isLessThan(until);
      Thread.sleep(20);
    }
  }
}
