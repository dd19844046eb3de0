package org.shardledger.node.devnet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.ledger.LedgerNode;
import org.shardledger.node.ledger.LedgerRole;
import org.shardledger.node.ledger.LedgerRoleFactory;
import org.shardledger.node.metrics.LedgerMeters;
import org.shardledger.node.metrics.ProverMeters;
import org.shardledger.node.metrics.RoleMetrics;
import org.shardledger.node.metrics.VerifierMeters;
import org.shardledger.node.prover.ProverRole;
import org.shardledger.node.prover.ProverRoleFactory;
import org.shardledger.node.verifier.VerifierRole;
import org.shardledger.node.verifier.VerifierRoleFactory;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.runtime.FreePort;
import org.shardledger.verifier.VerifierNode;
import org.shardledger.verifier.VerifierStatusLog;

/**
 * The one local-network harness (decision 0110): Anvil with the contracts deployed for a verifier set of dev
 * accounts, the deployment file in the data directory, a cached chain connection per account, and — when asked —
 * the devnet's roles (operators, verifiers, a ledger) built by their factories, each with its metrics on loopback.
 * {@link Devnet} and every whole-network test start their network here. Closing stops whoever calls another first
 * ({@link #STOP_ORDER}): what was kept after the roles, then the verifiers (they call the ledger and the operators),
 * the ledger, the operators, then everything else newest first.
 */
public final class LocalNetwork implements AutoCloseable {
  private final Builder shape;
  private final LocalChain chain;
  private final Path deploymentFile;
  /** The roles' ranks in the order they stop: verifiers, the ledger, operators. */
  static final List<String> STOP_ORDER = List.of("verifier", "ledger", "operator");
  private final List<AutoCloseable> open = new ArrayList<>();
  private final Map<AutoCloseable, Integer> stopRank = new IdentityHashMap<>();
  private final Map<KeyPair, Chain> connections = new HashMap<>();
  private final List<ProverRole> operators = new ArrayList<>();
  private final List<VerifierRole> verifiers = new ArrayList<>();
  private final Map<String, RoleMetrics> metrics = new LinkedHashMap<>();
  private LedgerRole ledger;

  private LocalNetwork(Builder shape, LocalChain chain, Path deploymentFile) {
    this.shape = shape;
    this.chain = chain;
    this.deploymentFile = deploymentFile;
  }

  /** A network whose roles keep their records under {@code dataDir}. */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** What each started role reports, in start order; the devnet prints it. All do nothing by default. */
  public interface Listener {
    default void chainStarted(LocalChain chain, Path deploymentFile) {}

    default void operatorStarted(int index, KeyPair key, ProverRole role, RoleMetrics metrics) throws IOException {}

    default void verifierStarted(KeyPair key, URI rpc, RoleMetrics metrics) {}

    default void ledgerStarted(KeyPair key, LedgerNode ledger, RoleMetrics metrics) {}
  }

  /** The network's shape: how many of each role, the deployment's verifier set and threshold, the chain's pace. */
  public static final class Builder {
    private final Path dataDir;
    private Path anvilBinary;
    private int operators = 1;
    private int verifiers = 1;
    private int threshold = 1;
    private Double blockTime;
    private long epochLength = 10;
    private Long gasLimit;
    private DeployParameters parameters;
    private Listener listener = new Listener() {};
    private java.math.BigInteger operatorPrice;

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    /** The anvil executable (default: the one {@code contracts/package.json} pins, found from the working dir). */
    public Builder anvil(Path binary) {
      this.anvilBinary = binary;
      return this;
    }

    /** Operators {@link #startRoles()} starts (dev accounts 1-4, then generated keys). */
    public Builder operators(int count) {
      this.operators = count;
      return this;
    }

    /** The deployment's verifiers (dev accounts 7-9), all started by {@link #startRoles()}, and its threshold. */
    public Builder verifiers(int count, int t) {
      this.verifiers = count;
      this.threshold = t;
      return this;
    }

    /** Seconds between blocks; null (the default) mines a block per transaction. */
    public Builder blockTime(Double seconds) {
      this.blockTime = seconds;
      return this;
    }

    public Builder epochLength(long blocks) {
      this.epochLength = blocks;
      return this;
    }

    /** The block gas limit (default: Anvil's). */
    public Builder gasLimit(long gas) {
      this.gasLimit = gas;
      return this;
    }

    /** Deploys with these parameters instead of the local ones for the verifier set and epoch length. */
    public Builder deploy(DeployParameters deployParameters) {
      this.parameters = deployParameters;
      return this;
    }

    /** What every operator asks per GiB-epoch, in credit base units (default: the role's, 1 base unit). */
    public Builder operatorPrice(java.math.BigInteger perGiBEpoch) {
      this.operatorPrice = perGiBEpoch;
      return this;
    }

    public Builder listener(Listener l) {
      this.listener = l;
      return this;
    }

    public Path dataDir() {
      return dataDir;
    }

    public long epochLength() {
      return epochLength;
    }

    /** Starts Anvil, deploys and writes {@code deployment.json} in the data directory; no role runs yet. */
    public LocalNetwork start() throws IOException {
      Files.createDirectories(dataDir);
      AnvilConfig anvil = AnvilConfig.defaults(anvilBinary != null ? anvilBinary : AnvilBinary.require(Path.of("")),
          dataDir.resolve("anvil")).withBlockTime(blockTime);
      if (gasLimit != null) {
        anvil = anvil.withGasLimit(gasLimit);
      }
      DeployParameters deploy = parameters != null ? parameters : DeployParameters.local(epochLength,
          verifierKeys().stream().map(KeyPair::address).toList(), threshold);
      LocalChain chain = LocalChain.start(anvil, deploy);
      try {
        Path file = dataDir.resolve("deployment.json");
        DeploymentFile.write(file, chain.deployment());
        LocalNetwork net = new LocalNetwork(this, chain, file);
        listener.chainStarted(chain, file);
        return net;
      } catch (IOException | RuntimeException e) {
        chain.close();
        throw e;
      }
    }

    List<KeyPair> verifierKeys() {
      List<KeyPair> keys = new ArrayList<>();
      for (int i = 0; i < verifiers; i++) {
        keys.add(DevAccounts.verifier(i));
      }
      return keys;
    }
  }

  /** Starts the devnet's roles: every operator (funded, staked), every verifier, then the ledger. */
  public LocalNetwork startRoles() throws Exception {
    URI ledgerUrl = loopbackUrl();
    List<URI> verifierUrls = new ArrayList<>();
    for (int i = 0; i < shape.verifiers; i++) {
      verifierUrls.add(loopbackUrl());
    }
    for (int i = 0; i < shape.operators; i++) {
      int n = i;
      RoleTag.as(RoleTag.operator(i), () -> startOperator(n, ledgerUrl));
    }
    for (int i = 0; i < shape.verifiers; i++) {
      int n = i;
      RoleTag.as(RoleTag.verifier(i), () -> startVerifier(n, verifierUrls.get(n), ledgerUrl));
    }
    RoleTag.as(RoleTag.LEDGER, () -> startLedger(verifierUrls, ledgerUrl));
    return this;
  }

  /** Starts operator {@code i}; run as its {@link RoleTag}, so the threads it starts log as it. */
  private ProverRole startOperator(int i, URI ledgerUrl) throws Exception {
    KeyPair key = DevnetAccounts.operator(i);
    if (DevnetAccounts.generated(i)) {
      chain.rpc().setBalance(key.address(), java.math.BigInteger.TEN.pow(21));
    }
    chain.fund(key.address(), 1000);
    RoleMetrics roleMetrics = metrics(RoleTag.operator(i), "prover");
    ProverMeters meters = new ProverMeters(roleMetrics);
    ProverRole role = keepRole("operator", ProverRoleFactory.create(DevnetRoles.operator(shape.dataDir, chain, i, ledgerUrl,
        shape.operatorPrice), meters));
    meters.bind(role);
    role.start();
    operators.add(role);
    shape.listener.operatorStarted(i, key, role, roleMetrics);
    return role;
  }

  private VerifierRole startVerifier(int i, URI url, URI ledgerUrl) throws IOException {
    RoleMetrics roleMetrics = metrics(RoleTag.verifier(i), "verifier");
    VerifierMeters meters = new VerifierMeters(roleMetrics);
    VerifierRole role = keepRole("verifier", VerifierRoleFactory.create(DevnetRoles.verifier(shape.dataDir, chain, i, url,
        ledgerUrl), new VerifierStatusLog(meters), roleMetrics.rpc()));
    meters.bind(role);
    role.start();
    verifiers.add(role);
    shape.listener.verifierStarted(DevAccounts.verifier(i), url, roleMetrics);
    return role;
  }

  private LedgerRole startLedger(List<URI> verifierUrls, URI ledgerUrl) throws IOException {
    RoleMetrics ledgerMetrics = metrics(RoleTag.LEDGER, "ledger");
    LedgerMeters ledgerMeters = new LedgerMeters(ledgerMetrics);
    LedgerRole role = keepRole("ledger", LedgerRoleFactory.create(DevnetRoles.ledger(shape.dataDir, shape.epochLength, chain,
        verifierUrls, ledgerUrl), DevAccounts.ledger(), ledgerMeters, ledgerMetrics.rpc()));
    ledgerMeters.bind(role);
    ledger = role.start();
    shape.listener.ledgerStarted(DevAccounts.ledger(), ledger.node(), ledgerMetrics);
    return role;
  }

  private static URI loopbackUrl() throws IOException {
    return URI.create("http://127.0.0.1:" + FreePort.loopback());
  }

  /** A role's registry, served on a free loopback port, closed with the network. */
  private RoleMetrics metrics(String name, String role) throws IOException {
    RoleMetrics m = keep(new RoleMetrics(role)).serve(new InetSocketAddress("127.0.0.1", 0));
    metrics.put(name, m);
    return m;
  }

  /** Keeps {@code resource} to close with the network (before what was kept earlier). */
  public synchronized <T extends AutoCloseable> T keep(T resource) {
    open.add(resource);
    return resource;
  }

  /** Keeps a role to close with the network, in its place of {@link #STOP_ORDER}. */
  synchronized <T extends AutoCloseable> T keepRole(String kind, T role) {
    stopRank.put(role, STOP_ORDER.indexOf(kind));
    return keep(role);
  }

  /** What {@link #closeAll()} closes, in order: kept after the last role, the roles by rank, the rest newest first. */
  private List<AutoCloseable> stopOrder() {
    int lastRole = -1;
    for (int i = 0; i < open.size(); i++) {
      if (stopRank.containsKey(open.get(i))) {
        lastRole = i;
      }
    }
    List<AutoCloseable> order = new ArrayList<>();
    List<AutoCloseable> roles = new ArrayList<>();
    List<AutoCloseable> earlier = new ArrayList<>();
    for (int i = open.size() - 1; i >= 0; i--) {
      AutoCloseable c = open.get(i);
      (stopRank.containsKey(c) ? roles : i > lastRole ? order : earlier).add(c);
    }
    roles.sort(Comparator.comparingInt(stopRank::get));
    order.addAll(roles);
    order.addAll(earlier);
    return order;
  }

  public LocalChain chain() {
    return chain;
  }

  /** The deployment file every command reads ({@code deployment.json} in the data directory). */
  public Path deploymentFile() {
    return deploymentFile;
  }

  public Path dataDir() {
    return shape.dataDir;
  }

  /** The deployment's verifier keys (dev accounts 7, 8, …), whether their roles run or not. */
  public List<KeyPair> verifierKeys() {
    return shape.verifierKeys();
  }

  /** A connection signing as {@code key}, opened once and closed with the network. */
  public synchronized Chain as(KeyPair key) throws IOException {
    Chain c = connections.get(key);
    if (c == null) {
      c = chain.connect(key);
      connections.put(key, c);
    }
    return c;
  }

  public List<ProverRole> operators() {
    return operators;
  }

  public List<VerifierNode> verifiers() {
    return verifiers.stream().map(VerifierRole::node).toList();
  }

  public Optional<LedgerRole> ledger() {
    return Optional.ofNullable(ledger);
  }

  /** Each role's metrics ("ledger", "verifier-1", "operator-1", …), served on loopback. */
  public Map<String, RoleMetrics> metrics() {
    return Map.copyOf(metrics);
  }

  /**
   * Closes every role and connection in {@link #stopOrder()}, then Anvil; returns what failed to close (nothing:
   * empty).
   */
  public synchronized List<Exception> closeAll() {
    List<Exception> failures = new ArrayList<>();
    for (AutoCloseable c : stopOrder()) {
      try {
        c.close();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    open.clear();
    stopRank.clear();
    for (Chain c : connections.values()) {
      try {
        c.close();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    connections.clear();
    chain.close();
    return failures;
  }

  @Override
  public void close() {
    closeAll();
  }
}
