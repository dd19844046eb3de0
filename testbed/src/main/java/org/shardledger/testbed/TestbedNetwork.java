package org.shardledger.testbed;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.chain.Keystores;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.node.owner.OwnerClient;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.runtime.FreePort;
import org.shardledger.wire.client.ClientSettings;
import org.shardledger.wire.client.WireClient;

/**
 * The network as separate processes: Anvil, operators, verifiers and a ledger, each role started by its
 * {@code shardledger} command with its own data directory, every link through a proxy the test controls — each
 * role's chain RPC through a {@link ChainRpcProxy}, each verifier's wire link to an operator through that
 * operator's {@link FaultProxy} ({@code --dial}), the ledger's and verifiers' JSON-RPC through a {@link FaultProxy}
 * each. The owner (this process) stores files with {@link OwnerClient}: one deal per (file, operator).
 */
public final class TestbedNetwork implements AutoCloseable {
  public static final long EPOCH_LENGTH = 10;
  public static final int GRACE_EPOCHS = 3;
  static final String PASSWORD = "testbed";
  static final int OWNER_ACCOUNT = 6;
  static final int CLAIM_SENDER_ACCOUNT = 4;
  /** Operators are Anvil's development accounts 1 to 3 (4 sends claims, 5 is the ledger, 6 the owner). */
  static final int MAX_OPERATORS = 3;
  static final BigInteger CREDIT = DeployParameters.CREDIT;
  static final Duration START_TIMEOUT = Duration.ofSeconds(240);

  /** One role: its process, the proxy in front of its chain RPC and (for servers) the proxy in front of it. */
  public record Role(String kind, KeyPair key, RoleProcess process, ChainRpcProxy chainRpc, FaultProxy front) {}

  private final Path dir;
  private final LocalChain chain;
  private final Path deployment;
  private final List<Role> operators = new ArrayList<>();
  private final List<Role> verifiers = new ArrayList<>();
  private Role ledger;
  private ChainRpcProxy ownerRpc;
  private OwnerCli ownerCli;
  private int ledgerPort;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<OwnerDeal> deals = new ArrayList<>();

  /** A deal the owner made: what the independent model needs. */
  public record OwnerDeal(long id, KeyPair operator, BigInteger pricePerEpoch, long firstEpoch, long lastEpoch) {}

  private TestbedNetwork(Path dir, LocalChain chain, Path deployment) {
    this.dir = dir;
    this.chain = chain;
    this.deployment = deployment;
  }

  /** Anvil with the contracts, then {@code operators} operators, {@code verifiers} verifiers (t = 2), a ledger. */
  public static TestbedNetwork start(Path dir, int operatorCount, int verifierCount) throws Exception {
    if (operatorCount < 1 || operatorCount > MAX_OPERATORS) {
      throw new IllegalArgumentException("the bed runs 1 to " + MAX_OPERATORS + " operators, not " + operatorCount);
    }
    List<KeyPair> verifierKeys = new ArrayList<>();
    for (int i = 0; i < verifierCount; i++) {
      verifierKeys.add(DevAccounts.key(7 + i));
    }
    LocalChain chain = LocalChain.start(AnvilConfig.defaults(AnvilBinary.require(Path.of("")), dir.resolve("anvil"))
        .withBlockTime(1.0), DeployParameters.local(EPOCH_LENGTH, verifierKeys.stream().map(KeyPair::address)
        .toList(), 2));
    Path deployment = dir.resolve("deployment.json");
    DeploymentFile.write(deployment, chain.deployment());
    TestbedNetwork net = new TestbedNetwork(dir, chain, deployment);
    try {
      net.startRoles(operatorCount, verifierKeys);
      return net;
    } catch (Exception e) {
      net.close();
      throw e;
    }
  }

  private void startRoles(int operatorCount, List<KeyPair> verifierKeys) throws Exception {
    ledgerPort = FreePort.loopback();
    FaultProxy ledgerFront = keep(FaultProxy.start(loopback(ledgerPort)));
    List<Integer> verifierPorts = new ArrayList<>();
    List<FaultProxy> verifierFronts = new ArrayList<>();
    for (int i = 0; i < verifierKeys.size(); i++) {
      verifierPorts.add(FreePort.loopback());
      verifierFronts.add(keep(FaultProxy.start(loopback(verifierPorts.get(i)))));
    }
    for (int i = 0; i < operatorCount; i++) {
      KeyPair key = DevAccounts.key(1 + i);
      chain.fund(key.address(), 1000);
      int port = FreePort.loopback();
      ChainRpcProxy rpc = keep(ChainRpcProxy.start(chain.rpcUrl()));
      String name = "operator-" + (i + 1);
      FaultProxy front = keep(FaultProxy.start(loopback(port)));
      RoleProcess p = new RoleProcess(name, args(name, key, rpc, "prover", "--listen", "127.0.0.1:" + port,
          "--endpoint", front.hostPort(), "--region", "tb-" + (i + 1), "--capacity", "1g", "--stake", "200"),
          loopback(port), logs());
      operators.add(new Role("operator", key, keep(p), rpc, front));
    }
    for (int i = 0; i < verifierKeys.size(); i++) {
      ChainRpcProxy rpc = keep(ChainRpcProxy.start(chain.rpcUrl()));
      String name = "verifier-" + (i + 1);
      List<String> extra = new ArrayList<>(List.of("--listen", "127.0.0.1:" + verifierPorts.get(i),
          "--confirmations", "1", "--ledger", "http://" + ledgerFront.hostPort()));
      for (Role op : operators) {
        extra.add("--dial");
        extra.add(op.key().address().toHex() + "=" + op.front().hostPort());
      }
      RoleProcess p = new RoleProcess(name, args(name, verifierKeys.get(i), rpc, "verifier",
          extra.toArray(String[]::new)), loopback(verifierPorts.get(i)), logs());
      verifiers.add(new Role("verifier", verifierKeys.get(i), keep(p), rpc, verifierFronts.get(i)));
    }
    ChainRpcProxy rpc = keep(ChainRpcProxy.start(chain.rpcUrl()));
    List<String> extra = new ArrayList<>(List.of("--listen", "127.0.0.1:" + ledgerPort, "--confirmations", "1",
        "--report-deadline", "" + EPOCH_LENGTH));
    for (FaultProxy v : verifierFronts) {
      extra.add("--verifier-rpc");
      extra.add("http://" + v.hostPort());
    }
    KeyPair ledgerKey = DevAccounts.key(5);
    RoleProcess p = new RoleProcess("ledger", args("ledger", ledgerKey, rpc, "ledger", extra.toArray(String[]::new)),
        loopback(ledgerPort), logs());
    ledger = new Role("ledger", ledgerKey, keep(p), rpc, ledgerFront);
    ownerRpc = keep(ChainRpcProxy.start(chain.rpcUrl()));
    List<String> ownerArgs = args("owner", owner(), ownerRpc, "put");
    ownerCli = new OwnerCli(logs(), ownerArgs.subList(3, ownerArgs.size()));
    startAll();
  }

  /** Starts every role at once (they find each other through the chain and their proxies' fixed ports). */
  private void startAll() throws Exception {
    List<java.util.concurrent.Future<Void>> starting = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (Role r : roles()) {
        starting.add(pool.submit(() -> {
          r.process().start(START_TIMEOUT);
          return null;
        }));
      }
      for (var f : starting) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
  }

  /** The owner stores {@code files} random files with every operator for {@code epochs} epochs, 1 credit each. */
  public void storeFiles(int files, int epochs, Random random) throws Exception {
    KeyPair owner = owner();
    chain.fund(owner.address(), 100_000);
    Path dataDir = Files.createDirectories(dir.resolve("owner"));
    try (Chain ownerChain = chain.connect(owner);
        WireClient wire = new WireClient(ClientSettings.defaults(chain.deployment().domain()))) {
      OwnerClient client = new OwnerClient(ownerChain, wire);
      for (int f = 0; f < files; f++) {
        byte[] data = new byte[(64 + random.nextInt(192)) * 1024];
        random.nextBytes(data);
        Path file = dataDir.resolve("file-" + (f + 1) + ".bin");
        Files.write(file, data);
        for (Role op : operators) {
          long first = ownerChain.currentEpoch() + 2;
          long last = first + epochs - 1;
          long id = client.store(file, op.key().address(), new OwnerClient.Terms(8, CREDIT, first, last, 4096));
          deals.add(new OwnerDeal(id, op.key(), CREDIT, first, last));
        }
      }
    }
  }

  /**
   * The owner stores {@code file} with {@code shardledger put} (its own process, through the proxies; see
   * {@link OwnerCli}) for {@code epochs} epochs; its deals join {@link #deals()}. Returns the manifest.
   */
  public Path put(Path file, long epochs) throws Exception {
    Path manifest = file.resolveSibling(file.getFileName() + ".manifest.json");
    try (Chain reader = chain.connectReadOnly()) {
      for (long id : ownerCli.put(file, manifest, epochs)) {
        org.shardledger.protocol.deal.Deal d = reader.deals().get(id).orElseThrow(
            () -> new IOException("put named deal " + id + ", which the chain does not know")).deal();
        KeyPair operator = operators.stream().filter(r -> r.key().address().equals(d.operator())).findFirst()
            .orElseThrow(() -> new IOException("deal " + id + " went to " + d.operator() + ", not a bed operator"))
            .key();
        deals.add(new OwnerDeal(id, operator, d.pricePerEpoch(), d.firstEpoch(), d.lastEpoch()));
      }
    }
    return manifest;
  }

  public OwnerCli ownerCli() {
    return ownerCli;
  }

  private List<String> args(String name, KeyPair key, ChainRpcProxy rpc, String command, String... extra)
      throws IOException {
    Path keystore = dir.resolve("keys").resolve(name + ".json");
    Path password = dir.resolve("keys").resolve("password");
    if (!Files.exists(keystore)) {
      Keystores.write(key, PASSWORD, keystore);
      Files.writeString(password, PASSWORD + "\n");
    }
    List<String> out = new ArrayList<>(List.of(command, "--data-dir", dir.resolve(name).toString(), "--deployment",
        deployment.toString(), "--rpc", rpc.url().toString(), "--keystore", keystore.toString(), "--password-file",
        password.toString()));
    out.addAll(List.of(extra));
    return out;
  }

  private Path logs() {
    return dir.resolve("logs");
  }

  public LocalChain chain() {
    return chain;
  }

  public List<Role> operators() {
    return operators;
  }

  public List<Role> verifiers() {
    return verifiers;
  }

  public Role ledger() {
    return ledger;
  }

  public List<Role> roles() {
    List<Role> all = new ArrayList<>(operators);
    all.addAll(verifiers);
    all.add(ledger);
    return all;
  }

  /** The account that sends claims for the operators (Anvil's development account 4, no role's). */
  public KeyPair claimSender() {
    return DevAccounts.key(CLAIM_SENDER_ACCOUNT);
  }

  /** The owner's account (Anvil's development account 6, as the devnet's owner). */
  public KeyPair owner() {
    return DevAccounts.key(OWNER_ACCOUNT);
  }

  public List<OwnerDeal> deals() {
    return List.copyOf(deals);
  }

  /** The ledger's JSON-RPC, dialled directly (not through its proxy). */
  public URI ledgerRpc() {
    return URI.create("http://127.0.0.1:" + ledgerPort);
  }

  private <T extends AutoCloseable> T keep(T resource) {
    open.add(resource);
    return resource;
  }

  static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  @Override
  public void close() {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
    chain.close();
  }
}
