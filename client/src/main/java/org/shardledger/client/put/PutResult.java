package org.shardledger.client.put;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.shardledger.client.manifest.Manifest;

/**
 * A stored file: its manifest (written to {@code manifestFile}, with each shard's deal as a hint), the deals that
 * hold it, the proposals cancelled along the way (races lost, operators that failed), and what it costs per epoch.
 */
public record PutResult(Path manifestFile, Manifest manifest, List<Long> deals, List<Long> cancelled,
    BigInteger costPerEpoch, int transactions) {
  public PutResult {
    deals = List.copyOf(deals);
    cancelled = List.copyOf(cancelled);
  }
}
