package org.shardledger.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import org.shardledger.rpc.MethodName;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.testkit.AnvilFixture;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;

/** {@code shardledger prover}: what it says about bad input, and a run stopped by SIGTERM. */
class ProverCommandIT {
  static final KeyPair OPERATOR = DevAccounts.key(1);

  @TempDir
  static Path dir;
  static LocalChain local;
  static Path deployment;

  @BeforeAll
  static void start() throws Exception {
    local = AnvilFixture.start(dir.resolve("anvil"),
        DeployParameters.local(20, List.of(DevAccounts.key(9).address()), 1));
    local.fund(OPERATOR.address(), 1000);
    deployment = dir.resolve("deployment.json");
    DeploymentFile.write(deployment, local.deployment());
    Files.writeString(dir.resolve("password"), "pw\n");
    Files.writeString(dir.resolve("wrong-password"), "nope\n");
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  /** A keystore v3 file with light scrypt parameters (decrypting the standard ones takes a second). */
  static Path keystore(KeyPair key) throws Exception {
    Path file = dir.resolve(key.address() + ".json");
    new ObjectMapper().writeValue(file.toFile(), Wallet.createLight("pw", ECKeyPair.create(key.privateKey())));
    return file;
  }

  static List<String> args(String data, Path keystore, String... overrides) {
    List<String> args = new ArrayList<>(List.of("prover", "--data-dir", dir.resolve(data).toString(),
        "--listen", "127.0.0.1:0", "--deployment", deployment.toString(), "--rpc", local.rpcUrl().toString(),
        "--keystore", keystore.toString(), "--password-file", dir.resolve("password").toString(),
        "--region", "eu-west", "--capacity", "1g", "--stake", "100"));
    for (int i = 0; i < overrides.length; i += 2) {
      int at = args.indexOf(overrides[i]);
      if (at >= 0) {
        args.set(at + 1, overrides[i + 1]);
      } else {
        args.add(overrides[i]);
        args.add(overrides[i + 1]);
      }
    }
    return args;
  }

  static CliRun run(String data, Path keystore, String... overrides) {
    return CliRun.of(args(data, keystore, overrides).toArray(String[]::new));
  }

  static void assertBadInput(CliRun run, String... message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(message);
  }

  @Test
  void badInputExitsTwoWithTheReason() throws Exception {
    Path key = keystore(OPERATOR);
    assertBadInput(run("bad", key, "--deployment", dir.resolve("none.json").toString()), "no deployment file");
    assertBadInput(run("bad", dir.resolve("none.json")), "no keystore file");
    assertBadInput(run("bad", key, "--password-file", dir.resolve("wrong-password").toString()), "wrong password");
    assertBadInput(run("bad", key, "--rpc", "http://127.0.0.1:9"), "cannot reach the chain at http://127.0.0.1:9");
    assertBadInput(run("bad", key, "--listen", "0.0.0.0:7340"), "--endpoint");
    assertBadInput(run("bad", key, "--listen", "7340"), "HOST:PORT");
    assertBadInput(run("bad", key, "--metrics", "9464"), "HOST:PORT");
    assertBadInput(run("bad", key, "--capacity", "lots"), "not a size");
    assertBadInput(run("bad", key, "--stake", "-1"), "--stake must be positive");
    assertBadInput(run("bad", key, "--region", "x".repeat(300)), "region takes at most 256 bytes");
    Files.writeString(dir.resolve("a-file"), "");
    assertBadInput(run("a-file", key), "is not a directory");
  }

  @Test
  void anAccountWithoutCreditsIsToldSoAndNothingKeepsRunning() throws Exception {
    CliRun run = run("broke", keystore(DevAccounts.key(4)));
    assertBadInput(run, "holds 0 credits", "stake of 100 credits");
  }

  @Test
  void registersServesAndStopsCleanlyOnSigterm() throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        ShardledgerCommand.class.getName()));
    int metricsPort;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      metricsPort = free.getLocalPort();
    }
    command.addAll(args("sigterm", keystore(OPERATOR), "--metrics", "127.0.0.1:" + metricsPort));
    Path errors = dir.resolve("sigterm.err");
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as(Files.readString(errors)).contains("serving on 127.0.0.1:");
      int port = Integer.parseInt(line.replaceAll(".*serving on 127\\.0\\.0\\.1:(\\d+);.*", "$1"));
      try (Chain chain = local.connectReadOnly()) {
        assertThat(chain.operators().get(OPERATOR.address()).orElseThrow().endpoint())
            .isEqualTo("127.0.0.1:" + port);
      }

      var metrics = org.shardledger.node.metrics.Scrape.get(java.net.URI.create("http://127.0.0.1:" + metricsPort
          + "/metrics"));
      assertThat(metrics.sum("shardledger_prover_store_capacity_bytes", "role", "prover")).isEqualTo(1 << 30);
      var status = org.shardledger.rpc.admin.AdminClient.connect(dir.resolve("sigterm"), java.time.Duration
          .ofSeconds(10)).call(MethodName.ADMIN_STATUS);
      assertThat(status.get("role").asText()).isEqualTo("prover");
      assertThat(status.get("endpoint").asText()).isEqualTo("127.0.0.1:" + port);
      assertThat(Files.getPosixFilePermissions(dir.resolve("sigterm/admin.token")))
          .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(143);
      assertThat(Files.readString(errors)).contains("registered operator", "stopped");
      assertThat(refused(port)).as("the port is closed").isTrue();
      assertThat(refused(metricsPort)).as("the metrics port is closed").isTrue();
      assertThat(dir.resolve("sigterm/admin.url")).doesNotExist();
      try (Stream<Path> staging = Files.list(dir.resolve("sigterm/staging"))) {
        assertThat(staging).isEmpty();
      }
    } finally {
      process.destroyForcibly();
    }
  }

  private static boolean refused(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
