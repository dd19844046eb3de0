package org.shardledger.prover.store;

import java.nio.file.Path;
import java.util.Objects;
import org.shardledger.protocol.deal.Epochs;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * A shard the node holds: its commitment (from its tree cache header), its directory, and whether the node found it
 * corrupted (then it answers challenges with a signed no-data).
 */
public record StoredShard(long dealId, ShardCommitment commitment, Path directory, boolean corrupt) {
  public static final String DATA = "data";
  public static final String TREE = "tree";
  public static final String CORRUPT = "corrupt";

  public StoredShard {
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(directory, "directory");
  }

  public Path data() {
    return directory.resolve(DATA);
  }

  public Path tree() {
    return directory.resolve(TREE);
  }

  /** Bytes on disk: the shard and its tree cache. */
  public long footprint() {
    return footprint(commitment);
  }

  StoredShard markedCorrupt() {
    return new StoredShard(dealId, commitment, directory, true);
  }

  /** Bytes a shard of this commitment takes on disk with its tree cache; saturates instead of wrapping. */
  static long footprint(ShardCommitment commitment) {
    return Epochs.saturatingAdd(commitment.size(), TreeLayout.of(commitment).length());
  }
}
