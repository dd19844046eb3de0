package org.shardledger.chainstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.testkit.AnvilFixture;

/**
 * A reorg deeper than the confirmation depth empties the mirror, and the follower delivers everything again from
 * the deployment: what happened before the fork is back, what the reorg removed is not. (Before the fix the
 * mirror was emptied but the follower resumed at the fork, so everything before it was lost.)
 */
class ChainMirrorReorgIT {
  @TempDir
  Path dir;

  @Test
  void aDeepReorgRebuildsTheMirrorFromTheDeployment() throws Exception {
    KeyPair operator = DevAccounts.key(1);
    KeyPair late = DevAccounts.key(2);
    try (LocalChain local = AnvilFixture.start(dir.resolve("a"),
        DeployParameters.local(4, List.of(DevAccounts.key(9).address()), 1));
        Database db = Database.open(dir.resolve("db"), "role")) {
      local.fund(operator.address(), 1000);
      local.fund(late.address(), 1000);
      try (Chain op = local.connect(operator)) {
        op.operators().register("127.0.0.1:1", "eu", 1, DeployParameters.CREDIT.multiply(BigInteger.valueOf(100)))
            .mined();
      }
      local.rpc().mine(3);
      ChainMirror mirror = new ChainMirror(db);
      try (Chain reader = local.connectReadOnly()) {
        ChainFollower follower = reader.follow(1, mirror, mirror, ChainTiming.local());
        while (follower.pollOnce() > 0) {
          // catch up
        }
        assertThat(mirror.operator(operator.address())).isPresent();

        String snapshot = local.rpc().snapshot();
        try (Chain other = local.connect(late)) {
          other.operators().register("127.0.0.1:2", "us", 1, DeployParameters.CREDIT.multiply(BigInteger.valueOf(100)))
              .mined();
        }
        local.rpc().mine(4);
        while (follower.pollOnce() > 0) {
          // deliver the registration that the reorg will take away
        }
        assertThat(mirror.operator(late.address())).isPresent();

        assertThat(local.rpc().revert(snapshot)).isTrue();
        local.rpc().mine(8);
        while (follower.pollOnce() > 0) {
          // notice the reorg and deliver everything again
        }
        assertThat(mirror.operator(operator.address())).as("registered before the fork").isPresent();
        assertThat(mirror.operator(late.address())).as("taken away by the reorg").isEmpty();
        assertThat(mirror.verifiers()).containsExactly(DevAccounts.key(9).address());
      }
    }
  }
}
