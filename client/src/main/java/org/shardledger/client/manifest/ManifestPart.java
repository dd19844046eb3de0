package org.shardledger.client.manifest;

import java.util.List;
import org.shardledger.client.layout.CodingParams;

/**
 * One part of the file: its ciphertext length, its coding (k data and m parity shards of {@code shareSize}-byte
 * shares per stripe) and its k + m shards, listed by index 0..k+m−1.
 */
public record ManifestPart(int index, long ciphertextLength, int dataShards, int parityShards, int shareSize,
    List<ManifestShard> shards) {
  public ManifestPart {
    shards = List.copyOf(shards);
    if (index < 0) {
      throw new IllegalArgumentException("part index must be non-negative: " + index);
    }
    if (ciphertextLength < 0) {
      throw new IllegalArgumentException("ciphertext length must be non-negative: " + ciphertextLength);
    }
    new CodingParams(dataShards, parityShards, shareSize);
    if (shards.size() != dataShards + parityShards) {
      throw new IllegalArgumentException("part " + index + " lists " + shards.size() + " shards, its coding has "
          + (dataShards + parityShards));
    }
    for (int i = 0; i < shards.size(); i++) {
      if (shards.get(i).index() != i) {
        throw new IllegalArgumentException("part " + index + ": shard " + i + " is listed with index "
            + shards.get(i).index());
      }
    }
  }

  public CodingParams coding() {
    return new CodingParams(dataShards, parityShards, shareSize);
  }
}
