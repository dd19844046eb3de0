package org.shardledger.contracts.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/** A process killed between signing and the receipt neither loses nor doubles its transaction after a restart. */
class TransactionCrashIT {
  static final BigInteger AMOUNT = BigInteger.valueOf(12345);

  @TempDir
  static Path dir;
  static LocalChain local;
  static Path deploymentFile;

  @BeforeAll
  static void start() throws Exception {
    local = LocalChain.start(AnvilConfig.defaults(AnvilBinary.require(Path.of("")), dir.resolve("anvil")),
        DeployParameters.local(5, List.of(DevAccounts.key(9).address()), 1));
    deploymentFile = dir.resolve("deployment.json");
    DeploymentFile.write(deploymentFile, local.deployment());
    local.fund(DevAccounts.key(3).address(), 10);
    local.fund(DevAccounts.key(4).address(), 10);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void killedAfterBroadcastBeforeTheReceipt() throws Exception {
    KeyPair sender = DevAccounts.key(3);
    Address recipient = KeyPair.random(new java.security.SecureRandom()).address();
    Path journal = dir.resolve("journal-a");
    local.rpc().setAutomine(false);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SendAndWaitMain.class.getName(), local.rpcUrl().toString(), deploymentFile.toString(), "3",
        journal.toString(), recipient.toHex(), AMOUNT.toString()).redirectErrorStream(true).start();
    try {
      long deadline = System.currentTimeMillis() + 30_000;
      while (local.rpc().pendingTransactions() == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(local.rpc().pendingTransactions()).as("the child broadcast its transfer").isEqualTo(1);
      assertThat(Files.readString(journal.resolve(sender.address().toHex() + ".jsonl"))).contains("PENDING");
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
      local.rpc().setAutomine(true);
    }
    local.rpc().mine(1);

    try (Chain restarted = Chain.connect(local.rpcUrl(), local.deployment(), Optional.of(sender), journal,
        org.shardledger.contracts.chain.ChainTiming.local())) {
      restarted.recoverPendingTransactions();
      assertThat(restarted.credits().balanceOf(recipient)).as("paid exactly once").isEqualTo(AMOUNT);
      assertThat(nonceOf(restarted, sender.address())).as("one transaction in all").isEqualTo(1);
      assertThat(Files.readString(journal.resolve(sender.address().toHex() + ".jsonl"))).contains("DONE");
    }
  }

  @Test
  void killedAfterSigningBeforeTheBroadcast() throws Exception {
    KeyPair sender = DevAccounts.key(4);
    Address recipient = KeyPair.random(new java.security.SecureRandom()).address();
    Path journalDir = dir.resolve("journal-b");
    String data = FunctionEncoder.encode(new Function("transfer",
        List.of(new org.web3j.abi.datatypes.Address(recipient.toHex()), new Uint256(AMOUNT)), List.of()));
    RawTransaction raw = RawTransaction.createTransaction(local.deployment().chainId(), BigInteger.ZERO,
        BigInteger.valueOf(100_000), local.deployment().credit().toHex(), BigInteger.ZERO, data,
        BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(100_000_000_000L));
    String signed = Hex.encode(TransactionEncoder.signMessage(raw, local.deployment().chainId(),
        Credentials.create(ECKeyPair.create(sender.privateKey()))));
    try (TransactionJournal journal = TransactionJournal.open(journalDir, sender.address())) {
      journal.recordSigned(new JournalEntry(0, "transfer signed before a crash", signed,
          Bytes32.fromHex(Hash.sha3(signed)), JournalEntry.State.PENDING, ""));
    }

    try (Chain restarted = Chain.connect(local.rpcUrl(), local.deployment(), Optional.of(sender),
        journalDir, org.shardledger.contracts.chain.ChainTiming.local())) {
      restarted.recoverPendingTransactions();
      assertThat(restarted.credits().balanceOf(recipient)).isEqualTo(AMOUNT);
      restarted.credits().transfer(recipient, AMOUNT).mined();
      assertThat(restarted.credits().balanceOf(recipient)).as("the next send takes the next nonce")
          .isEqualTo(AMOUNT.add(AMOUNT));
      assertThat(nonceOf(restarted, sender.address())).isEqualTo(2);
    }
  }

  static long nonceOf(Chain chain, Address account) throws Exception {
    var web3 = org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(local.rpcUrl().toString()));
    try {
      return web3.ethGetTransactionCount(account.toHex(),
          org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getTransactionCount().longValueExact();
    } finally {
      web3.shutdown();
    }
  }
}
