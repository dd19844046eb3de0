package org.shardledger.contracts.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.beacon.BeaconWindow;

/**
 * {@link BeaconWindow} is the chain's rule: on Anvil, a beacon recorded in the window's last block (256 blocks after
 * the epoch's first) is taken, one block later it reverts {@code BeaconExpired}.
 */
class BeaconWindowIT {
  @TempDir
  Path dir;

  @Test
  void aBeaconIsRecordable256BlocksAfterItsBlockAndNot257() throws Exception {
    try (LocalChain local = LocalChain.start(AnvilConfig.defaults(AnvilBinary.require(Path.of("")), dir),
        DeployParameters.local(5, List.of(DevAccounts.key(7).address()), 1));
        Chain anyone = local.connect(DevAccounts.key(3))) {
      long in = anyone.beacons().currentEpoch() + 2;
      long out = in + 1;
      long inStart = local.deployment().epochStartBlock(in);
      long outStart = local.deployment().epochStartBlock(out);

      mineTo(local, anyone, inStart + BeaconWindow.BLOCKS - 1); // the transaction goes into the next block
      assertThat(BeaconWindow.readable(inStart, inStart + BeaconWindow.BLOCKS)).isTrue();
      TxOutcome last = anyone.beacons().record(in);
      assertThat(last).as("recorded in block %d, its window's last", inStart + 256)
          .isInstanceOf(TxOutcome.Mined.class);
      assertThat(((TxOutcome.Mined) last).blockNumber()).isEqualTo(BeaconWindow.lastReadableIn(inStart));

      mineTo(local, anyone, outStart + BeaconWindow.BLOCKS);
      assertThat(BeaconWindow.readable(outStart, outStart + BeaconWindow.BLOCKS + 1)).isFalse();
      TxOutcome late = anyone.beacons().record(out);
      assertThat(late).as("recorded in block %d, one past its window", outStart + 257)
          .isInstanceOf(TxOutcome.Reverted.class);
      assertThat(((TxOutcome.Reverted) late).reason().name()).isEqualTo("BeaconExpired");
      assertThat(anyone.beacons().get(out)).isEmpty();
    }
  }

  private static void mineTo(LocalChain local, Chain chain, long block) throws Exception {
    long now = chain.blockNumber();
    assertThat(now).as("the chain is not past block %d yet", block).isLessThanOrEqualTo(block);
    if (now < block) {
      local.rpc().mine(block - now);
    }
  }
}
