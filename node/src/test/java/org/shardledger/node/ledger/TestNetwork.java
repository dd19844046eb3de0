package org.shardledger.node.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.ledger.LedgerConfig;
import org.shardledger.node.devnet.LocalNetwork;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.audit.AuditResults;
import org.shardledger.protocol.audit.DealResult;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.eip712.AuditReport;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcError;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.json.SignedReportJson;
import org.shardledger.testkit.TestKeys;

/**
 * The ledger's tests on the {@link LocalNetwork}'s chain: Anvil with the contracts, three verifiers (dev keys 7, 8, 9; t = 2) whose
 * settlement side runs in-process, and helpers to register operators, make deals, sign reports and move the chain.
 */
final class TestNetwork implements AutoCloseable {
  static final BigInteger CREDIT = DeployParameters.CREDIT;
  static final List<KeyPair> VERIFIER_KEYS = TestKeys.VERIFIERS;
  static final int CONFIRMATIONS = 2;
  static final long REPORT_DEADLINE = 4;

  final LocalNetwork network;
  final LocalChain local;
  final Path dir;
  final List<TestVerifier> verifiers = new ArrayList<>();
  final Chain reader;

  private TestNetwork(LocalNetwork network, Path dir) throws IOException {
    this.network = network;
    this.local = network.chain();
    this.dir = dir;
    this.reader = network.keep(local.connectReadOnly());
  }

  /** The {@link LocalNetwork}'s chain for three verifiers, t = 2, a block per transaction; their signers here. */
  static TestNetwork start(Path dir, long epochLength) throws IOException {
    LocalNetwork network = LocalNetwork.builder(dir).verifiers(3, 2).epochLength(epochLength).start();
    TestNetwork net = new TestNetwork(network, dir);
    for (int i = 0; i < VERIFIER_KEYS.size(); i++) {
      net.verifiers.add(network.keep(new TestVerifier(net.local, VERIFIER_KEYS.get(i), dir.resolve("verifier-" + i),
          1)));
    }
    return net;
  }

  /** A ledger on this network: dev key 5, fast polling, listening on a free loopback port. */
  LedgerConfig ledgerConfig(Path dataDir) {
    return ledgerConfig(dataDir, local.rpcUrl());
  }

  LedgerConfig ledgerConfig(Path dataDir, URI rpc) {
    return LedgerConfig.defaults(dataDir, local.deployment(), rpc)
        .withVerifiers(verifiers.stream().map(TestVerifier::url).toList())
        .withListen(new InetSocketAddress("127.0.0.1", 0)).withConfirmations(CONFIRMATIONS)
        .withReportDeadlineBlocks(REPORT_DEADLINE).withPolling(Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  static KeyPair ledgerKey() {
    return DevAccounts.ledger();
  }

  long head() throws IOException {
    return reader.blockNumber();
  }

  long epoch() throws IOException {
    return local.deployment().epochOf(head());
  }

  void mineTo(long block) throws IOException {
    long now = head();
    if (now < block) {
      local.rpc().mine(block - now);
    }
  }

  /** Mines to the second block of {@code epoch} (its beacon can be recorded from then on). */
  void mineToEpoch(long epoch) throws IOException {
    mineTo(local.deployment().epochStartBlock(epoch) + 1);
  }

  void registerOperator(KeyPair operator, long stakeCredits) throws IOException {
    local.fund(operator.address(), stakeCredits);
    try (Chain c = local.connect(operator)) {
      c.operators().register("127.0.0.1:" + (7000 + operator.address().hashCode() % 1000), "eu-west", 1L << 40,
          CREDIT.multiply(BigInteger.valueOf(stakeCredits))).mined();
    }
  }

  /** Proposes and activates a deal; returns its id. */
  long deal(KeyPair owner, KeyPair operator, BigInteger pricePerEpoch, long first, long last) throws IOException {
    local.fund(owner.address(), pricePerEpoch.multiply(BigInteger.valueOf(last - first + 1)).divide(CREDIT)
        .longValueExact() + 1);
    byte[] shard = new byte[3000];
    new java.util.Random(first * 31 + last).nextBytes(shard);
    ShardCommitment commitment = new CommitmentBuilder(1024).update(shard).finish();
    try (Chain c = local.connect(owner)) {
      long id = c.deals().propose(operator.address(), commitment, 4, pricePerEpoch, first, last);
      c.deals().activate(id, local.deployment().domain().sign(c.deals().get(id).orElseThrow().deal().acceptance(),
          operator)).mined();
      return id;
    }
  }

  /** A deal of {@code epochs} epochs from the next epoch, between a freshly registered operator and an owner. */
  record OneDeal(long epoch, long id) {}

  OneDeal dealFromNextEpoch(KeyPair operator, KeyPair owner, BigInteger price, int epochs) throws IOException {
    registerOperator(operator, 100);
    long epoch = epoch() + 1;
    return new OneDeal(epoch, deal(owner, operator, price, epoch, epoch + epochs - 1));
  }

  /** Every verifier reports PASS for the deal in the epoch. */
  void allPass(RpcClient ledger, long epoch, long deal) throws Exception {
    for (int v = 0; v < VERIFIER_KEYS.size(); v++) {
      submit(ledger, report(v, epoch, Map.of(deal, AuditOutcome.PASS)));
    }
  }

  /** Waits (mining) until the ledger has recorded the settlement of the epoch. */
  void awaitRecorded(LedgerRole ledger, long epoch) throws Exception {
    await(() -> {
      try {
        return ledger.stores().settlements().settled(epoch).isPresent();
      } catch (IOException e) {
        return false;
      }
    }, Long.MAX_VALUE, Duration.ofSeconds(60));
  }

  /** Verifier {@code v}'s signed report of {@code epoch}. */
  static SignedReport report(int v, long epoch, Map<Long, AuditOutcome> outcomes, LocalChain local) {
    List<DealResult> results = new ArrayList<>();
    new TreeMap<>(outcomes).forEach((deal, outcome) -> results.add(new DealResult(deal, outcome)));
    AuditReport report = AuditResults.report(epoch, results);
    return new SignedReport(report, local.deployment().domain().sign(report, VERIFIER_KEYS.get(v)), results);
  }

  SignedReport report(int v, long epoch, Map<Long, AuditOutcome> outcomes) {
    return report(v, epoch, outcomes, local);
  }

  /** Submits a report, retrying while the ledger answers UNAVAILABLE (e.g. its mirror is still catching up). */
  static JsonNode submit(RpcClient ledger, SignedReport report) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        return ledger.call(MethodName.AUDIT_SUBMIT_REPORT, SignedReportJson.encode(report));
      } catch (RpcException e) {
        if (e.error() != RpcError.UNAVAILABLE || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * Waits until {@code done}, mining a block every 50 ms (confirmations need blocks; Anvil mines only on demand) as
   * long as the chain is below {@code mineUpTo}.
   */
  void await(BooleanSupplier done, long mineUpTo, Duration timeout) throws Exception {
    await(done, mineUpTo, timeout, () -> "");
  }

  /**
   * As {@link #await(BooleanSupplier, long, Duration)}, and a block that a transaction mined on its own (Anvil mines
   * one per transaction) also gets its {@link #CONFIRMATIONS}: the ledger records a settlement only once its
   * transaction is buried, so on a loaded machine it could send after {@code mineUpTo} and wait forever for blocks
   * nobody mined (LedgerSettlementIT, OwnerEndsDealIT timed out that way).
   */
  void awaitConfirming(BooleanSupplier done, long mineUpTo, Duration timeout) throws Exception {
    await(done, mineUpTo, timeout, () -> "", true);
  }

  /** As {@link #await(BooleanSupplier, long, Duration)}, saying {@code context} (e.g. the ledger's state) on a timeout. */
  void await(BooleanSupplier done, long mineUpTo, Duration timeout, java.util.concurrent.Callable<Object> context)
      throws Exception {
    await(done, mineUpTo, timeout, context, false);
  }

  private void await(BooleanSupplier done, long mineUpTo, Duration timeout,
      java.util.concurrent.Callable<Object> context, boolean confirmOthers) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long upTo = mineUpTo;
    long expected = head();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        Object said;
        try {
          said = context.call();
        } catch (Exception e) {
          said = e;
        }
        throw new AssertionError("timed out after " + timeout + " at block " + head() + " " + said);
      }
      long now = head();
      if (confirmOthers && now > expected) {
        upTo = Math.max(upTo, now + CONFIRMATIONS + 1);
      }
      if (now < upTo) {
        local.rpc().mine(1);
        now++;
      }
      expected = now;
      Thread.sleep(50);
    }
  }

  static ChainTiming timing() {
    return ChainTiming.local();
  }

  @Override
  public void close() {
    network.close();
  }
}
