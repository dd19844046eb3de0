package org.shardledger.prover.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.prover.ProverStatusLog;
import org.shardledger.prover.TestShards;
import org.shardledger.prover.view.InMemoryBeaconSource;
import org.shardledger.prover.view.InMemoryDealDirectory;
import org.shardledger.prover.view.ManualEpochClock;
import org.shardledger.prover.store.ShardStore;
import org.shardledger.wire.server.OperatorBackend;

/** A backend over a real store in a temp directory, with in-memory chain views. */
public final class BackendFixture {
  public final InMemoryDealDirectory deals = new InMemoryDealDirectory();
  public final InMemoryBeaconSource beacons = new InMemoryBeaconSource();
  public final ManualEpochClock clock = new ManualEpochClock(1);
  public final ProverStatusLog status = new ProverStatusLog();
  public final ShardStore store;
  public final ShardProver prover;
  public final ProverBackend backend;
  private final Path dir;

  public BackendFixture(Path dir) throws IOException {
    this.dir = dir;
    this.store = ShardStore.open(dir.resolve("node"), 1L << 40);
    this.prover = new ShardProver(store, status);
    this.backend = new ProverBackend(store, deals, clock,
        new ChallengeResponder(prover, beacons, TestShards.IDENTITY, status), TestShards.IDENTITY, status);
  }

  /** A deal of {@code size} random bytes, proposed on the chain view; returns it with its bytes on disk. */
  public Deal propose(long id, long size) throws IOException {
    Path file = TestShards.write(dir.resolve("shard-" + id), size, id);
    Deal deal = TestShards.deal(id, TestShards.commit(file, 4096));
    deals.put(deal, DealStatus.PROPOSED);
    return deal;
  }

  public Path source(long id) {
    return dir.resolve("shard-" + id);
  }

  /** Uploads the proposed deal's bytes through the backend, as the wire server would. */
  public OperatorBackend.UploadVerdict upload(Deal deal) throws IOException {
    OperatorBackend.UploadAdmission admission = backend.beginUpload(deal.id(), deal.commitment().size());
    assertThat(admission).isInstanceOf(OperatorBackend.Ready.class);
    OperatorBackend.UploadSink sink = ((OperatorBackend.Ready) admission).sink();
    sink.write(ByteBuffer.wrap(Files.readAllBytes(source(deal.id()))));
    return sink.finish();
  }

  public void beacon(long epoch) {
    byte[] b = new byte[32];
    new java.util.Random(epoch).nextBytes(b);
    beacons.record(epoch, Bytes32.of(b));
  }
}
