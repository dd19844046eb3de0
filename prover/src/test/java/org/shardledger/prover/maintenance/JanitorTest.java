package org.shardledger.prover.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.prover.serve.BackendFixture;
import org.shardledger.testkit.PropertySeeds;

/** The janitor never deletes the shard of a deal that is still running, whatever its epochs and the grace. */
class JanitorTest {
  private static final long[] EXTREMES = {0, 1, 2, 1L << 32, Long.MAX_VALUE / 2, Long.MAX_VALUE - 3,
      Deal.MAX_LAST_EPOCH - 1, Deal.MAX_LAST_EPOCH, Long.MAX_VALUE};

  @TempDir
  Path dir;

  @Test
  void theForeverDealsShardIsKept() throws Exception {
    BackendFixture f = new BackendFixture(dir);
    Deal forever = f.propose(1, 10_000);
    f.upload(forever);
    Deal running = new Deal(1, forever.owner(), forever.operator(), forever.commitment(), 4, BigInteger.ZERO, 5,
        Deal.MAX_LAST_EPOCH);
    f.deals.put(running, DealStatus.ACTIVE);
    assertThat(new Janitor(f.store, f.deals, f.clock, 8, f.status).sweep()).isZero();
    assertThat(f.store.find(1)).isPresent();
  }

  static Stream<long[]> epochs() {
    SplittableRandom random = new SplittableRandom(12);
    return LongStream.range(0, PropertySeeds.tries()).mapToObj(i -> {
      long last = Math.min(Deal.MAX_LAST_EPOCH, random.nextBoolean() ? EXTREMES[random.nextInt(EXTREMES.length)]
          : random.nextLong(Long.MAX_VALUE));
      long first = last == 0 ? 0 : random.nextLong(last);
      long now = random.nextBoolean() ? last : last - random.nextLong(Math.max(1, last - first));
      long grace = random.nextBoolean() ? EXTREMES[random.nextInt(EXTREMES.length)] : random.nextLong(1000);
      return new long[] {first, last, now, grace};
    });
  }

  @ParameterizedTest
  @MethodSource("epochs")
  void anActiveDealsShardIsKeptWhileTheDealRuns(long[] c) throws Exception {
    BackendFixture f = new BackendFixture(dir);
    Deal uploaded = f.propose(1, 4096);
    f.upload(uploaded);
    Deal deal = new Deal(1, uploaded.owner(), uploaded.operator(), uploaded.commitment(), 4, BigInteger.ONE, c[0],
        c[1]);
    f.deals.put(deal, DealStatus.ACTIVE);
    f.clock.set(c[2]);
    assertThat(new Janitor(f.store, f.deals, f.clock, c[3], f.status).sweep())
        .as("sweep at epoch %d of an active deal for epochs %d..%d, grace %d", c[2], c[0], c[1], c[3]).isZero();
    assertThat(f.store.find(1)).isPresent();
  }
}
