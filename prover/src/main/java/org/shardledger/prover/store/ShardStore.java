package org.shardledger.prover.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * The shards this node holds, one directory each under {@code shards/<dealId>/} ({@code data}, {@code tree}, and
 * {@code corrupt} once the node found it damaged). Uploads stage under {@code staging/} and appear by one atomic
 * directory rename; opening the store removes whatever staging a crash left. Keeps within a capacity: stored
 * footprints plus the space reserved by uploads in progress.
 */
public final class ShardStore {
  private final Path shardsDir;
  private final Path stagingDir;
  private final long capacity;
  private final Map<Long, StoredShard> index = new ConcurrentHashMap<>();
  private final Map<Long, Long> reservations = new HashMap<>();
  private final Map<Long, ShardReader> readers = new ConcurrentHashMap<>();
  private final AtomicLong stagingCounter = new AtomicLong(System.nanoTime());
  private final int leftoversRemoved;
  private final List<Path> unreadable = new java.util.ArrayList<>();
  private long used;
  private long reserved;

  private ShardStore(Path dataDir, long capacity) throws IOException {
    this.shardsDir = Files.createDirectories(dataDir.resolve("shards"));
    this.stagingDir = Files.createDirectories(dataDir.resolve("staging"));
    this.capacity = capacity;
    List<Path> leftovers = Directories.list(stagingDir);
    for (Path p : leftovers) {
      Directories.deleteRecursively(p);
    }
    this.leftoversRemoved = leftovers.size();
    for (Path dir : Directories.list(shardsDir)) {
      load(dir);
    }
  }

  /** Opens (or creates) the store under {@code dataDir}, removing staging leftovers of an earlier crash. */
  public static ShardStore open(Path dataDir, long capacityBytes) throws IOException {
    if (capacityBytes < 0) {
      throw new IllegalArgumentException("capacity must not be negative");
    }
    return new ShardStore(dataDir, capacityBytes);
  }

  private void load(Path dir) throws IOException {
    long dealId;
    try {
      dealId = Long.parseLong(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return;
    }
    ShardCommitment commitment;
    try {
      commitment = TreeFile.open(dir.resolve(StoredShard.TREE)).commitment();
    } catch (IOException e) {
      // published directories are whole by construction: this one was damaged afterwards; leave it for the operator
      unreadable.add(dir);
      return;
    }
    boolean corrupt = Files.exists(dir.resolve(StoredShard.CORRUPT))
        || Files.size(dir.resolve(StoredShard.DATA)) != commitment.size();
    StoredShard shard = new StoredShard(dealId, commitment, dir, corrupt);
    index.put(dealId, shard);
    used += shard.footprint();
  }

  /** How many staging directories (interrupted uploads) opening the store removed. */
  public int leftoversRemoved() {
    return leftoversRemoved;
  }

  /** Shard directories whose tree cache could not be read at start (damaged after they were stored). */
  public List<Path> unreadable() {
    return List.copyOf(unreadable);
  }

  public Optional<StoredShard> find(long dealId) {
    return Optional.ofNullable(index.get(dealId));
  }

  public Collection<StoredShard> shards() {
    return List.copyOf(index.values());
  }

  public synchronized long usedBytes() {
    return used;
  }

  public synchronized long reservedBytes() {
    return reserved;
  }

  public long capacityBytes() {
    return capacity;
  }

  /** At most this many shards are kept open for challenges. */
  static final int OPEN_READERS = 1024;

  /** The shard opened for reading (cached while it stays the same shard). */
  public ShardReader reader(StoredShard shard) throws IOException {
    ShardReader cached = readers.get(shard.dealId());
    if (cached != null && cached.shard().directory().equals(shard.directory())) {
      return cached;
    }
    ShardReader opened = new ShardReader(shard);
    if (readers.size() >= OPEN_READERS) {
      readers.clear();
    }
    readers.put(shard.dealId(), opened);
    return opened;
  }

  /** Drops the cached reader (after a file of the shard was replaced, e.g. its tree cache rebuilt). */
  public void release(long dealId) {
    readers.remove(dealId);
  }

  /** Whether staging an upload worked, or why not. */
  public sealed interface Staging permits Started, Refused {}

  public record Started(StagedShard shard) implements Staging {}

  public record Refused(Reason reason, String detail) implements Staging {}

  public enum Reason { NO_CAPACITY, IN_PROGRESS }

  /** Reserves the shard's footprint and opens a staging directory for it. */
  public Staging stage(Deal deal) throws IOException {
    long footprint = StoredShard.footprint(deal.commitment());
    synchronized (this) {
      if (reservations.containsKey(deal.id())) {
        return new Refused(Reason.IN_PROGRESS, "deal " + deal.id() + " is being uploaded on another connection");
      }
      if (footprint > capacity - used - reserved) {
        return new Refused(Reason.NO_CAPACITY, "the shard needs " + footprint + " bytes; " + (capacity - used
            - reserved) + " of " + capacity + " are free");
      }
      reservations.put(deal.id(), footprint);
      reserved += footprint;
    }
    Path dir = stagingDir.resolve(deal.id() + "-" + stagingCounter.incrementAndGet());
    try {
      Files.createDirectory(dir);
      return new Started(new StagedShard(this, deal, dir));
    } catch (IOException | RuntimeException e) {
      discardStaging(deal.id(), dir);
      throw e;
    }
  }

  /** Makes a staged, verified, fsynced shard visible: one atomic rename, then fsync of {@code shards/}. */
  StoredShard publish(Deal deal, Path staged) throws IOException {
    Path target = shardsDir.resolve(Long.toString(deal.id()));
    StoredShard previous = index.remove(deal.id());
    readers.remove(deal.id());
    if (previous != null || Files.exists(target)) {
      Path old = stagingDir.resolve("replaced-" + deal.id() + "-" + stagingCounter.incrementAndGet());
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      Directories.deleteRecursively(old);
    }
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    Directories.sync(shardsDir);
    Directories.sync(stagingDir);
    StoredShard shard = new StoredShard(deal.id(), deal.commitment(), target, false);
    synchronized (this) {
      used += shard.footprint() - (previous == null ? 0 : previous.footprint());
    }
    index.put(deal.id(), shard);
    return shard;
  }

  /** Removes a staging directory (if still there) and gives its reservation back, once. */
  void discardStaging(long dealId, Path staged) {
    try {
      Directories.deleteRecursively(staged);
    } catch (IOException ignored) {
      // the next start removes it
    }
    synchronized (this) {
      Long footprint = reservations.remove(dealId);
      if (footprint != null) {
        reserved -= footprint;
      }
    }
  }

  /** Records, durably, that the shard is damaged: challenges then get a signed no-data. */
  public void markCorrupt(long dealId, String reason) throws IOException {
    StoredShard shard = index.get(dealId);
    if (shard == null || shard.corrupt()) {
      return;
    }
    Files.writeString(shard.directory().resolve(StoredShard.CORRUPT), reason + "\n", StandardCharsets.UTF_8);
    Directories.sync(shard.directory());
    index.put(dealId, shard.markedCorrupt());
  }

  /** Deletes a shard: out of the index, renamed into staging (atomic), then removed. False when not held. */
  public boolean delete(long dealId) throws IOException {
    StoredShard shard = index.remove(dealId);
    readers.remove(dealId);
    if (shard == null) {
      return false;
    }
    Path doomed = stagingDir.resolve("deleted-" + dealId + "-" + stagingCounter.incrementAndGet());
    Files.move(shard.directory(), doomed, StandardCopyOption.ATOMIC_MOVE);
    synchronized (this) {
      used -= shard.footprint();
    }
    Directories.deleteRecursively(doomed);
    return true;
  }
}
