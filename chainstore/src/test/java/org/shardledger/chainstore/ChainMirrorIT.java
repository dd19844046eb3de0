package org.shardledger.chainstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.chainstore.settlement.MirrorSettlementChain;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.merkle.CommitmentBuilder;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.payout.PayoutTree;
import org.shardledger.protocol.settlement.Slash;
import org.shardledger.protocol.settlement.Terminations;
import org.shardledger.testkit.AnvilFixture;

class ChainMirrorIT {
  static final KeyPair OPERATOR = DevAccounts.key(1);
  static final KeyPair OWNER = DevAccounts.key(2);
  static final KeyPair VERIFIER = DevAccounts.key(9);

  @TempDir
  Path dir;

  @Test
  void mirrorsDealsOperatorsBeaconsVerifiersAndSettlementsAndSurvivesAReopen() throws Exception {
    try (LocalChain local = AnvilFixture.start(dir.resolve("a"),
        DeployParameters.local(4, List.of(VERIFIER.address()), 1))) {
      local.fund(OPERATOR.address(), 1000);
      local.fund(OWNER.address(), 1000);
      long dealId;
      long first;
      try (Chain operator = local.connect(OPERATOR); Chain owner = local.connect(OWNER)) {
        operator.operators().register("127.0.0.1:7001", "eu", 1L << 30,
            DeployParameters.CREDIT.multiply(BigInteger.valueOf(200))).mined();
        ShardCommitment commitment = new CommitmentBuilder(512).update(new byte[5000]).finish();
        first = owner.currentEpoch() + 1;
        dealId = owner.deals().propose(OPERATOR.address(), commitment, 3, BigInteger.TEN, first, first + 1);
        owner.deals().activate(dealId, local.deployment().domain().sign(
            owner.deals().get(dealId).orElseThrow().deal().acceptance(), OPERATOR)).mined();
        local.rpc().mine(local.deployment().epochStartBlock(first + 2) + 1 - owner.blockNumber());
        owner.beacons().record(first).mined();
        PayoutTree tree = PayoutTree.of(Map.of(OPERATOR.address(), BigInteger.TEN));
        Settlement s = new Settlement(0, first, tree.root(), BigInteger.TEN, Slash.hash(List.of()), Terminations.hash(List.of()));
        owner.settlements().settle(s, List.of(), List.of(), List.of(local.deployment().domain().sign(s, VERIFIER))).mined();
        local.rpc().mine(3);
      }

      try (Database db = Database.open(dir.resolve("db"), "role"); Chain reader = local.connectReadOnly()) {
        ChainMirror mirror = new ChainMirror(db);
        ChainFollower follower = reader.follow(2, mirror, mirror, ChainTiming.local());
        while (follower.pollOnce() > 0) {
          // catch up
        }
        var deal = mirror.deal(dealId).orElseThrow();
        assertThat(deal.status()).isEqualTo(DealStatus.ACTIVE);
        assertThat(deal.deal().samples()).isEqualTo(3);
        assertThat(mirror.activeDeals(first)).extracting(d -> d.deal().id()).containsExactly(dealId);
        assertThat(mirror.activeDeals(first + 2)).isEmpty();
        assertThat(mirror.operator(OPERATOR.address()).orElseThrow().endpoint()).isEqualTo("127.0.0.1:7001");
        assertThat(mirror.beacon(first).orElseThrow().beaconBlock())
            .isEqualTo(local.deployment().epochStartBlock(first));
        assertThat(mirror.verifiers()).containsExactly(VERIFIER.address());
        assertThat(mirror.threshold()).isEqualTo(1);
        assertThat(mirror.lastSettledEpoch()).contains(first);
        assertThat(mirror.settlement(first).orElseThrow().settlement().payoutRoot())
            .isEqualTo(PayoutTree.of(Map.of(OPERATOR.address(), BigInteger.TEN)).root());
        assertThat(mirror.settlement(first + 1)).isEmpty();
      }

      try (Database reopened = Database.open(dir.resolve("db"), "role")) {
        ChainMirror mirror = new ChainMirror(reopened);
        assertThat(mirror.mirroredThrough()).isPositive();
        assertThat(mirror.deal(dealId)).isPresent();
      }
    }
  }

  /**
   * A deal its owner ends, as the mirror keeps it: ENDED with its end epoch, still audited for epochs up to the end
   * epoch (they are paid), not after, still among the activated deals (its escrow is in play), and among the ended
   * deals the settlement rules get.
   */
  @Test
  void anEndedDealIsAuditedThroughItsEndEpochAndGivenToTheRules() throws Exception {
    try (LocalChain local = AnvilFixture.start(dir.resolve("a"),
        DeployParameters.local(4, List.of(VERIFIER.address()), 1))) {
      local.fund(OPERATOR.address(), 1000);
      local.fund(OWNER.address(), 1000);
      long dealId;
      long end;
      try (Chain operator = local.connect(OPERATOR); Chain owner = local.connect(OWNER)) {
        operator.operators().register("127.0.0.1:7001", "eu-west", 1L << 30,
            DeployParameters.CREDIT.multiply(BigInteger.valueOf(200))).mined();
        long first = owner.currentEpoch() + 1;
        dealId = owner.deals().propose(OPERATOR.address(), new CommitmentBuilder(512).update(new byte[5000]).finish(),
            3, BigInteger.TEN, first, first + 9);
        owner.deals().activate(dealId, local.deployment().domain().sign(
            owner.deals().get(dealId).orElseThrow().deal().acceptance(), OPERATOR)).mined();
        local.rpc().mine(local.deployment().epochStartBlock(first + 1) + 1 - owner.blockNumber());
        owner.deals().end(dealId).mined();
        end = owner.deals().get(dealId).orElseThrow().endEpoch();
        assertThat(end).isEqualTo(first + 1);
        local.rpc().mine(3);
      }
      try (Database db = Database.open(dir.resolve("db"), "role"); Chain reader = local.connectReadOnly()) {
        ChainMirror mirror = new ChainMirror(db);
        ChainFollower follower = reader.follow(2, mirror, mirror, ChainTiming.local());
        while (follower.pollOnce() > 0) {
          // catch up
        }
        assertThat(mirror.deal(dealId).orElseThrow().status()).isEqualTo(DealStatus.ENDED);
        assertThat(mirror.activeDeals(end)).extracting(d -> d.deal().id()).containsExactly(dealId);
        assertThat(mirror.activeDeals(end + 1)).isEmpty();
        assertThat(mirror.activatedDeals()).extracting(d -> d.deal().id()).containsExactly(dealId);
        MirrorSettlementChain chain = new MirrorSettlementChain(mirror, local.deployment(), reader.operators()::stakeAt);
        assertThat(chain.endedDealsBefore(end)).isEmpty();
        assertThat(chain.endedDealsBefore(end + 1)).containsExactlyEntriesOf(java.util.Map.of(dealId, end));
        assertThat(chain.settledThrough()).isZero();
      }
    }
  }
}
