package org.shardledger.client.layout;

import java.util.List;
import java.util.Objects;

/** A part cut into stripes and coded: its ciphertext length, its coding parameters and its k + m shards in order. */
public record StripedPart(long ciphertextLength, CodingParams params, List<ShardInfo> shards) {
  public StripedPart {
    Objects.requireNonNull(params, "params");
    shards = List.copyOf(shards);
    long shardSize = params.shardSize(ciphertextLength);
    if (shards.size() != params.totalShards()) {
      throw new IllegalArgumentException("a " + params.dataShards() + "+" + params.parityShards() + " part has "
          + params.totalShards() + " shards, got " + shards.size());
    }
    for (int i = 0; i < shards.size(); i++) {
      ShardInfo shard = shards.get(i);
      if (shard.index() != i) {
        throw new IllegalArgumentException("shard " + i + " has index " + shard.index());
      }
      if (shard.size() != shardSize) {
        throw new IllegalArgumentException("shard " + i + " has " + shard.size() + " bytes; a part of "
            + ciphertextLength + " ciphertext bytes coded " + params + " has shards of " + shardSize);
      }
    }
  }

  public long stripes() {
    return params.stripes(ciphertextLength);
  }
}
