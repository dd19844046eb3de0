package org.shardledger.prover.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.prover.dispute.OpenDisputes.OpenDispute;
import org.shardledger.prover.dispute.OpenDisputes.Stage;
import org.shardledger.prover.store.StoredShard;

class AttentionTest {
  private static final BigInteger PLENTY = BigInteger.TEN.pow(18);
  private final Attention attention = new Attention(Attention.Limits.defaults());

  private static StoredShard shard(long dealId, boolean corrupt) {
    return new StoredShard(dealId, new ShardCommitment(Bytes32.ZERO, 4096, 4096), Path.of("/tmp/shard-" + dealId),
        corrupt);
  }

  private List<Attention.Kind> kinds(List<StoredShard> shards, List<OpenDispute> disputes, BigInteger gas, long lag,
      long used) {
    return attention.concerns(shards, List.of(), disputes, gas, lag, used, 1000).stream()
        .map(Attention.Concern::kind).toList();
  }

  @Test
  void aHealthyNodeNeedsNothing() {
    assertThat(kinds(List.of(shard(1, false)), List.of(new OpenDispute(3, 1, 10, 100, Stage.ANSWERING, false)),
        PLENTY, 1, 500)).isEmpty();
  }

  @Test
  void namesEachProblemMostCostlyFirst() {
    List<Attention.Concern> concerns = attention.concerns(List.of(shard(1, false), shard(2, true)),
        List.of(Path.of("/data/shards/junk")), List.of(new OpenDispute(7, 2, 10, 120, Stage.UNPROVABLE, false),
            new OpenDispute(8, 1, 10, 130, Stage.ANSWERING, true)), BigInteger.ONE, 51, 901, 1000);
    assertThat(concerns).extracting(Attention.Concern::kind).containsExactly(Attention.Kind.DISPUTE_UNPROVABLE,
        Attention.Kind.DISPUTE_BEHIND, Attention.Kind.SHARD_FAILING, Attention.Kind.SHARD_UNREADABLE,
        Attention.Kind.GAS_LOW, Attention.Kind.FALLING_BEHIND, Attention.Kind.STORE_FULL);
    assertThat(concerns.get(0).message()).contains("dispute 7").contains("deal 2").contains("block 120");
    assertThat(concerns.get(2).message()).contains("deal 2");
  }

  @Test
  void theLimitsAreWhereTheySay() {
    BigInteger low = Attention.Limits.defaults().lowGasWei();
    assertThat(kinds(List.of(), List.of(), low, 50, 900)).as("at each limit: fine").isEmpty();
    assertThat(kinds(List.of(), List.of(), low.subtract(BigInteger.ONE), 50, 900))
        .containsExactly(Attention.Kind.GAS_LOW);
    assertThat(kinds(List.of(), List.of(), low, 51, 900)).containsExactly(Attention.Kind.FALLING_BEHIND);
    assertThat(kinds(List.of(), List.of(), low, 50, 901)).containsExactly(Attention.Kind.STORE_FULL);
  }
}
