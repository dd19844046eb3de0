package org.shardledger.node.network;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DealRecord;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.node.devnet.LocalNetwork;
import org.shardledger.node.owner.OwnerClient;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.prover.OperatorIdentity;
import org.shardledger.prover.ProverConfig;
import org.shardledger.prover.ProverNode;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;
import org.shardledger.prover.onchain.ChainBeaconSource;
import org.shardledger.prover.onchain.ChainDealDirectory;
import org.shardledger.prover.onchain.ChainEpochClock;

/**
 * An in-process network on the {@link LocalNetwork}'s chain (a block every {@code blockTime} seconds): operators'
 * nodes on loopback, owners that upload and activate deals. Tests add verifiers and ledgers on top.
 */
public final class TestNetwork implements AutoCloseable {
  public static final BigInteger CREDIT = DeployParameters.CREDIT;

  private final Path dir;
  private final LocalNetwork network;
  private final LocalChain chain;
  private final WireClient owners;

  private TestNetwork(Path dir, LocalNetwork network) {
    this.dir = dir;
    this.network = network;
    this.chain = network.chain();
    this.owners = new WireClient(ClientSettings.defaults(chain.deployment().domain()));
  }

  /** The {@link LocalNetwork}'s chain, deployed for {@code verifiers} with threshold t; no role runs. */
  public static TestNetwork start(Path dir, double blockTime, long epochLength, List<KeyPair> verifiers,
      int threshold) throws IOException {
    return new TestNetwork(dir, LocalNetwork.builder(dir).blockTime(blockTime).deploy(DeployParameters.local(
        epochLength, verifiers.stream().map(KeyPair::address).toList(), threshold)).start());
  }

  public LocalChain chain() {
    return chain;
  }

  public Chain as(KeyPair key) throws IOException {
    return network.as(key);
  }

  /** An operator's node, registered on chain with its loopback endpoint. */
  public final class Operator implements AutoCloseable {
    final KeyPair key;
    final Path dataDir;
    int port;
    ProverNode node;

    Operator(KeyPair key, Path dataDir) {
      this.key = key;
      this.dataDir = dataDir;
    }

    public KeyPair key() {
      return key;
    }

    public ProverNode node() {
      return node;
    }

    public synchronized void start() throws IOException, InterruptedException {
      Chain operatorChain = as(key);
      node = new ProverNode(ProverConfig.defaults(dataDir, 1L << 34).withListen("127.0.0.1", port),
          new OperatorIdentity(key, chain.deployment().domain()), new ChainDealDirectory(operatorChain,
          key.address()), new ChainBeaconSource(operatorChain), new ChainEpochClock(operatorChain),
          new ProverStatusLog());
      InetSocketAddress bound = node.start();
      port = bound.getPort();
    }

    public synchronized void stop() {
      if (node != null) {
        node.close();
        node = null;
      }
    }

    public String endpoint() {
      return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
      stop();
    }
  }

  public Operator operator(KeyPair key) throws IOException, InterruptedException {
    chain.fund(key.address(), 1000);
    Operator operator = new Operator(key, dir.resolve("operator-" + key.address().toHex()));
    network.keep(operator).start();
    as(key).operators().register(operator.endpoint(), "test-region", 1L << 34, CREDIT.multiply(BigInteger
        .valueOf(500))).mined();
    return operator;
  }

  /** Registers an operator whose endpoint is whatever the test says (a dead port, a garbage server). */
  public void registerWithoutNode(KeyPair key, String endpoint) throws IOException {
    chain.fund(key.address(), 1000);
    as(key).operators().register(endpoint, "test-region", 1L << 30, CREDIT.multiply(BigInteger.valueOf(500)))
        .mined();
  }

  /** Proposes a deal from {@code owner} to the operator, uploads the shard and activates it; returns its id. */
  public long store(KeyPair owner, Operator operator, byte[] data, int samples, long firstEpoch, long lastEpoch)
      throws Exception {
    fundOwner(owner);
    Path file = java.nio.file.Files.createTempFile(dir, "shard", ".bin");
    java.nio.file.Files.write(file, data);
    return new OwnerClient(as(owner), owners).store(file, operator.key().address(),
        new OwnerClient.Terms(samples, CREDIT, firstEpoch, lastEpoch, 4096));
  }

  /** A deal activated with the operator's signature made here, without any upload (for operators without a node). */
  public long activateWithoutUpload(KeyPair owner, KeyPair operator, byte[] data, int samples, long firstEpoch,
      long lastEpoch) throws Exception {
    long dealId = propose(owner, operator, data, samples, firstEpoch, lastEpoch);
    DealRecord deal = as(owner).deals().get(dealId).orElseThrow();
    as(owner).deals().activate(dealId, chain.deployment().domain().sign(deal.deal().acceptance(), operator)).mined();
    return dealId;
  }

  private void fundOwner(KeyPair owner) throws IOException {
    if (as(owner).credits().balanceOf(owner.address()).compareTo(CREDIT.multiply(BigInteger.valueOf(100))) < 0) {
      chain.fund(owner.address(), 10_000);
    }
  }

  private long propose(KeyPair owner, KeyPair operator, byte[] data, int samples, long firstEpoch, long lastEpoch)
      throws IOException {
    fundOwner(owner);
    ShardCommitment commitment = new CommitmentBuilder(4096).update(data).finish();
    return as(owner).deals().propose(operator.address(), commitment, samples, CREDIT, firstEpoch, lastEpoch);
  }

  public long currentEpoch() throws IOException {
    try (Chain reader = chain.connectReadOnly()) {
      return reader.currentEpoch();
    }
  }

  /** Waits (the chain mines by itself) until the given epoch has started. */
  public void awaitEpoch(long epoch, long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (currentEpoch() < epoch) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("epoch " + epoch + " did not start in time (now " + currentEpoch() + ")");
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() throws Exception {
    owners.close();
    network.close();
  }
}
