package org.shardledger.contracts.chain;

import java.time.Duration;

/**
 * How fast to poll a chain: receipts and the follower's head. Local chains answer in milliseconds; public ones in
 * seconds, and web3j's default (15 s between receipt polls) suits neither.
 */
public record ChainTiming(Duration pollInterval, Duration receiptTimeout) {
  public static ChainTiming local() {
    return new ChainTiming(Duration.ofMillis(50), Duration.ofSeconds(60));
  }

  public static ChainTiming remote() {
    return new ChainTiming(Duration.ofSeconds(2), Duration.ofMinutes(10));
  }

  /** The local timing when {@code rpc} is on this machine (loopback), this one otherwise. */
  public ChainTiming withLocalPolling(java.net.URI rpc) {
    String host = rpc.getHost() == null ? "" : rpc.getHost();
    boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
        || host.equals("::1");
    return loopback ? local() : this;
  }
}
