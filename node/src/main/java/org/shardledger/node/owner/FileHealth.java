package org.shardledger.node.owner;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestShard;
import org.shardledger.protocol.deal.Deal;

/**
 * How a stored file stands in an epoch, shard by shard: the deals holding each, how many shards of each part are
 * held against the k it needs, what it costs per epoch and until when it is paid for. {@code ls} and
 * {@code status} both print from this.
 */
public record FileHealth(Manifest manifest, long epoch, List<PartHealth> parts) {
  /** One shard and its deals that cover the epoch (empty: held by nobody). */
  public record ShardHealth(ManifestShard shard, List<Deal> holding) {
    public ShardHealth {
      holding = List.copyOf(holding);
    }
  }

  /** One part's shards. */
  public record PartHealth(ManifestPart part, List<ShardHealth> shards) {
    public PartHealth {
      shards = List.copyOf(shards);
    }

    public int held() {
      return (int) shards.stream().filter(s -> !s.holding().isEmpty()).count();
    }

    public boolean readable() {
      return held() >= part.dataShards();
    }
  }

  public FileHealth {
    parts = List.copyOf(parts);
  }

  /** {@code manifest}'s shards as {@code deals} has them in {@code epoch}. */
  public static FileHealth of(Manifest manifest, DealDirectory deals, long epoch) throws IOException {
    List<PartHealth> parts = new ArrayList<>();
    for (ManifestPart part : manifest.parts()) {
      List<ShardHealth> shards = new ArrayList<>();
      for (ManifestShard shard : part.shards()) {
        shards.add(new ShardHealth(shard, deals.holding(shard.root(), epoch)));
      }
      parts.add(new PartHealth(part, shards));
    }
    return new FileHealth(manifest, epoch, parts);
  }

  public boolean readable() {
    return parts.stream().allMatch(PartHealth::readable);
  }

  public int held() {
    return parts.stream().mapToInt(PartHealth::held).sum();
  }

  public int shards() {
    return parts.stream().mapToInt(p -> p.shards().size()).sum();
  }

  /** The bytes of every shard, stored or not. */
  public long bytes() {
    return parts.stream().flatMap(p -> p.shards().stream()).mapToLong(s -> s.shard().size()).sum();
  }

  /** What the holding deals cost per epoch together. */
  public BigInteger perEpoch() {
    return holding().stream().map(Deal::pricePerEpoch).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** The last epoch any holding deal covers; -1 when none holds a shard. */
  public long until() {
    return holding().stream().mapToLong(Deal::lastEpoch).max().orElse(-1);
  }

  private List<Deal> holding() {
    return parts.stream().flatMap(p -> p.shards().stream()).flatMap(s -> s.holding().stream()).toList();
  }
}
