package org.shardledger.client.put;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.shardledger.protocol.settlement.Credits;

/**
 * How a put places and pays: the allowed regions (empty: any), the most it pays per GiB-epoch (in credit base
 * units), how many epochs the deals run, how often each epoch samples a shard, how many extra uploads race the
 * slowest ones (Storj's long tail: the slower of two uploads of the same shard is cancelled), how many uploads run at
 * once, and the upload rate it assumes when it chooses the first epoch (the deals must be activated before their
 * first epoch ends).
 */
public record PutOptions(Set<String> regions, BigInteger maxPricePerGiBEpoch, long epochs, int samples,
    int extraUploadsPerPart, int parallelUploads, long assumedUploadBytesPerSecond, Duration termsTimeout) {
  public PutOptions {
    regions = Set.copyOf(Objects.requireNonNull(regions, "regions"));
    Objects.requireNonNull(maxPricePerGiBEpoch, "maxPricePerGiBEpoch");
    Objects.requireNonNull(termsTimeout, "termsTimeout");
    if (epochs < 1 || samples < 1 || extraUploadsPerPart < 0 || parallelUploads < 1
        || assumedUploadBytesPerSecond < 1) {
      throw new IllegalArgumentException("epochs, samples, parallel uploads and the upload rate must be positive, "
          + "extra uploads not negative");
    }
  }

  /** The default most to pay per GiB-epoch, in whole credits (what {@code put --max-price} takes). */
  public static final long DEFAULT_MAX_PRICE = 1000;
  /** {@link #DEFAULT_MAX_PRICE} in base units, as {@link #maxPricePerGiBEpoch()} holds it. */
  public static final BigInteger DEFAULT_MAX_PRICE_BASE_UNITS = Credits.of(DEFAULT_MAX_PRICE);
  /** How many epochs deals run by default. */
  public static final long DEFAULT_EPOCHS = 100;
  /** Uploads per part that race the slowest, by default. */
  public static final int DEFAULT_EXTRA_UPLOADS = 1;

  /** Any region, up to 1000 credits per GiB-epoch, 100 epochs, 8 samples, one racing upload per part. */
  public static PutOptions defaults() {
    return new PutOptions(Set.of(), DEFAULT_MAX_PRICE_BASE_UNITS, DEFAULT_EPOCHS, 8, DEFAULT_EXTRA_UPLOADS, 8,
        20L << 20, Duration.ofSeconds(5));
  }

  public PutOptions withRegions(Set<String> allowed) {
    return new PutOptions(allowed, maxPricePerGiBEpoch, epochs, samples, extraUploadsPerPart, parallelUploads,
        assumedUploadBytesPerSecond, termsTimeout);
  }

  public PutOptions withEpochs(long n) {
    return new PutOptions(regions, maxPricePerGiBEpoch, n, samples, extraUploadsPerPart, parallelUploads,
        assumedUploadBytesPerSecond, termsTimeout);
  }

  public PutOptions withMaxPrice(BigInteger perGiBEpoch) {
    return new PutOptions(regions, perGiBEpoch, epochs, samples, extraUploadsPerPart, parallelUploads,
        assumedUploadBytesPerSecond, termsTimeout);
  }

  public PutOptions withExtraUploads(int perPart) {
    return new PutOptions(regions, maxPricePerGiBEpoch, epochs, samples, perPart, parallelUploads,
        assumedUploadBytesPerSecond, termsTimeout);
  }
}
