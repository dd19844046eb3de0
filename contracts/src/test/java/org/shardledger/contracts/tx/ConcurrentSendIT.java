package org.shardledger.contracts.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * One key's sender used from many threads at once (as the dispute answerer does): every transaction gets its own
 * nonce, all are mined, and they share blocks instead of taking one block each. Anvil mines every second.
 */
class ConcurrentSendIT {
  static final KeyPair SENDER = DevAccounts.key(3);
  static final int THREADS = 24;

  @TempDir
  static Path dir;
  static LocalChain local;

  @BeforeAll
  static void start() throws Exception {
    local = LocalChain.start(AnvilConfig.defaults(AnvilBinary.require(Path.of("")), dir.resolve("anvil"))
        .withBlockTime(1.0), DeployParameters.local(5, List.of(DevAccounts.key(9).address()), 1));
    local.fund(SENDER.address(), 100);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void manyThreadsSendThroughOneSenderAndShareBlocks() throws Exception {
    try (Chain chain = local.connect(SENDER); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      long firstBlock = chain.blockNumber();
      List<Callable<TxOutcome>> sends = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Address to = Address.fromHex(String.format("0x%040x", 0x1000 + i));
        sends.add(() -> chain.credits().transfer(to, BigInteger.ONE));
      }
      Set<Long> blocks = new HashSet<>();
      for (Future<TxOutcome> sent : threads.invokeAll(sends)) {
        TxOutcome outcome = sent.get();
        assertThat(outcome).isInstanceOf(TxOutcome.Mined.class);
        blocks.add(((TxOutcome.Mined) outcome).blockNumber());
      }
      for (int i = 0; i < THREADS; i++) {
        assertThat(chain.credits().balanceOf(Address.fromHex(String.format("0x%040x", 0x1000 + i))))
            .as("recipient %d got its transfer once", i).isEqualTo(BigInteger.ONE);
      }
      assertThat(blocks.size()).as("blocks the %d transactions took (one each when sent one after another)", THREADS)
          .isLessThan(THREADS / 2);
      assertThat(chain.blockNumber() - firstBlock).as("blocks that passed").isLessThan(THREADS / 2);
    }
  }
}
