package org.shardledger.chainstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.events.EventOrigin;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;

/** Logs that do not fit are recorded per log, and what they name is ineligible in the mirror. */
class ChainMirrorUnusableTest {
  private static final Address OPERATOR = Address.fromHex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
  private static final Address OWNER = Address.fromHex("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");

  @TempDir
  Path dir;

  private static EventOrigin at(long block, long index) {
    return new EventOrigin(block, Bytes32.ZERO, Bytes32.ZERO, index);
  }

  @Test
  void unusableDealsAndOperatorsAreRecordedAndIneligible() throws Exception {
    try (Database db = Database.open(dir.resolve("db"), "role")) {
      ChainMirror mirror = new ChainMirror(db);
      Deal honest = new Deal(1, OWNER, OPERATOR, new ShardCommitment(Bytes32.ZERO, 4096, 4096), 4, BigInteger.ONE,
          2, 9);
      mirror.onConfirmed(List.of(
          new ChainEvent.OperatorRegistered(at(10, 0), OPERATOR, "127.0.0.1:1", "eu", 1 << 20, BigInteger.TEN),
          new ChainEvent.DealProposed(at(10, 1), honest),
          new ChainEvent.DealActivated(at(11, 0), 1, OPERATOR, BigInteger.TEN)),
          new FollowerCursor(11, Bytes32.ZERO));
      assertThat(mirror.activatedDeals()).hasSize(1);

      List<ChainEvent> poison = List.of(
          new ChainEvent.UnusableDeal(at(12, 0), "DealProposed", BigInteger.TWO, "lastEpoch 18446744073709551614 "
              + "does not fit a signed 64-bit integer"),
          new ChainEvent.DealActivated(at(12, 1), 2, OPERATOR, BigInteger.ZERO),
          new ChainEvent.UnusableOperator(at(12, 2), "OperatorUpdated", OPERATOR, "capacity 9223372036854775813 "
              + "does not fit a signed 64-bit integer"),
          new ChainEvent.UnusableLog(at(12, 3), "Settled", "does not decode"));
      mirror.onConfirmed(poison, new FollowerCursor(12, Bytes32.ZERO));
      mirror.onConfirmed(poison, new FollowerCursor(12, Bytes32.ZERO));

      assertThat(mirror.deal(2)).as("an unusable deal has no row, even after its activation").isEmpty();
      assertThat(mirror.deal(1)).isPresent();
      assertThat(mirror.operator(OPERATOR)).as("an unusable operator is unregistered").isEmpty();
      assertThat(mirror.unusableLogs()).extracting(UnusableLogs.Entry::kind, UnusableLogs.Entry::subject)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("DEAL", "2"),
              org.assertj.core.groups.Tuple.tuple("OPERATOR", OPERATOR.toHex()),
              org.assertj.core.groups.Tuple.tuple("LOG", null));
      assertThat(mirror.unusableLogs().get(0).reason()).contains("lastEpoch");
      assertThat(mirror.mirroredThrough()).isEqualTo(12);
    }
  }
}
