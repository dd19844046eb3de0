package org.shardledger.node.cli;

import java.math.BigDecimal;
import java.time.Duration;
import org.shardledger.prover.policy.AcceptancePolicy;
import org.shardledger.wire.server.PeerLimits;
import picocli.CommandLine.Option;

/**
 * The operator's acceptance policy and the wire server's peer limits on {@code shardledger prover}; every option
 * left out keeps the default of {@link AcceptancePolicy#defaults} and {@link PeerLimits#defaults}.
 */
final class AcceptanceOptions {
  @Option(names = "--min-price", paramLabel = "CREDITS", description = "Least price per GiB and epoch, in credits "
      + "(pro rata by shard size; default: 1 base unit, so free deals are refused).")
  BigDecimal minPrice;

  @Option(names = "--max-deal-epochs", paramLabel = "N", description = "Longest deal accepted, in epochs "
      + "(default 100000).")
  Long maxDealEpochs;

  @Option(names = "--max-shard-size", paramLabel = "SIZE", converter = CommandValues.SizeConverter.class,
      description = "Largest shard accepted (default 2g).")
  Long maxShardSize;

  @Option(names = "--max-start-delay", paramLabel = "EPOCHS", description = "How many epochs ahead a deal may "
      + "start; a proposal must be activated by the end of its first epoch (default 16).")
  Long maxStartDelay;

  @Option(names = "--max-open-proposals", paramLabel = "N", description = "Shards of not yet activated proposals "
      + "held for one owner (default 32).")
  Integer maxOpenProposals;

  @Option(names = "--max-unactivated", paramLabel = "SIZE", converter = CommandValues.SizeConverter.class,
      description = "Space for shards of not yet activated proposals, all owners together (default: a quarter of "
          + "--capacity).")
  Long maxUnactivated;

  @Option(names = "--max-connections-per-ip", paramLabel = "N", description = "Open wire connections from one "
      + "IP address (default 16).")
  Integer maxConnectionsPerIp;

  @Option(names = "--max-uploads-per-ip", paramLabel = "N", description = "Uploads in progress from one IP address "
      + "(default 2).")
  Integer maxUploadsPerIp;

  @Option(names = "--min-upload-rate", paramLabel = "SIZE", converter = CommandValues.SizeConverter.class,
      description = "Bytes per second an upload must keep up over 30 s, or it is dropped (default 16k; 0 turns "
          + "the floor off).")
  Long minUploadRate;

  @Option(names = "--max-staging", paramLabel = "SIZE", converter = CommandValues.SizeConverter.class,
      description = "Announced size of all uploads in progress together (default 8g).")
  Long maxStaging;

  AcceptancePolicy policy(long capacity) {
    AcceptancePolicy d = AcceptancePolicy.defaults(capacity);
    if (minPrice != null && minPrice.signum() < 0) {
      throw new IllegalArgumentException("--min-price must not be negative, got " + minPrice);
    }
    return new AcceptancePolicy(minPrice == null ? d.minPricePerGiBEpoch() : DeployCommand.credits(minPrice),
        or(maxDealEpochs, d.maxDurationEpochs()), or(maxShardSize, d.maxShardBytes()),
        or(maxStartDelay, d.maxStartDelayEpochs()), maxOpenProposals == null ? d.maxOpenProposalsPerOwner()
        : maxOpenProposals, or(maxUnactivated, d.maxUnactivatedBytes()));
  }

  PeerLimits limits() {
    PeerLimits d = PeerLimits.defaults();
    return new PeerLimits(maxConnectionsPerIp == null ? d.maxConnectionsPerAddress() : maxConnectionsPerIp,
        maxUploadsPerIp == null ? d.maxUploadsPerAddress() : maxUploadsPerIp,
        or(minUploadRate, d.minUploadBytesPerSecond()), Duration.ofSeconds(30), or(maxStaging, d.maxStagingBytes()));
  }

  private static long or(Long given, long fallback) {
    return given == null ? fallback : given;
  }
}
