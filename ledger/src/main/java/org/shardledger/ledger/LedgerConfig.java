package org.shardledger.ledger;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.protocol.settlement.SettlementConfig;

/**
 * How a ledger runs. {@link #defaults} gives every optional value; the command line maps its options onto this.
 *
 * @param dataDir its H2 database ({@code db/}) and transaction journal ({@code journal/})
 * @param rpc the chain's JSON-RPC endpoint
 * @param verifierRpcs the verifiers' JSON-RPC endpoints, asked to sign each settlement
 * @param listen where the ledger's own JSON-RPC listens (loopback by default)
 * @param confirmations blocks a chain event must be buried under before the ledger acts on it
 * @param reportDeadlineBlocks how long after an epoch's end to wait for missing verifiers' reports
 * @param pollInterval how often to look for work when there is none
 * @param maxBackoff the longest wait between retries while the chain or the verifiers are unavailable
 * @param verifierTimeout how long one verifier may take to answer
 * @param settlement the settlement rules' parameters (the verifiers must use the same)
 * @param recordBeacons whether this ledger records each epoch's beacon (true unless others do)
 */
public record LedgerConfig(Path dataDir, Deployment deployment, URI rpc, List<URI> verifierRpcs,
    InetSocketAddress listen, int confirmations, long reportDeadlineBlocks, Duration pollInterval, Duration maxBackoff,
    Duration verifierTimeout, SettlementConfig settlement, ChainTiming timing, boolean recordBeacons) {
  public static final int DEFAULT_PORT = 8547;
  public static final int DEFAULT_CONFIRMATIONS = 6;

  public LedgerConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(rpc, "rpc");
    verifierRpcs = List.copyOf(verifierRpcs);
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(verifierTimeout, "verifierTimeout");
    Objects.requireNonNull(settlement, "settlement");
    Objects.requireNonNull(timing, "timing");
    if (confirmations < 0 || reportDeadlineBlocks < 0) {
      throw new IllegalArgumentException("confirmations and the report deadline must not be negative");
    }
  }

  /**
   * Loopback port 8547, 6 confirmations, a report deadline of one epoch, polling every second, retries backing off
   * to 30 s, 10 s per verifier, the default settlement rules, and chain timing suited to where {@code rpc} is.
   */
  public static LedgerConfig defaults(Path dataDir, Deployment deployment, URI rpc) {
    return new LedgerConfig(dataDir, deployment, rpc, List.of(), new InetSocketAddress("127.0.0.1", DEFAULT_PORT),
        DEFAULT_CONFIRMATIONS, deployment.epochLength(), Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofSeconds(10), SettlementConfig.DEFAULT, ChainTiming.remote().withLocalPolling(rpc), true);
  }

  public LedgerConfig withVerifiers(List<URI> urls) {
    return new LedgerConfig(dataDir, deployment, rpc, urls, listen, confirmations, reportDeadlineBlocks, pollInterval,
        maxBackoff, verifierTimeout, settlement, timing, recordBeacons);
  }

  public LedgerConfig withListen(InetSocketAddress address) {
    return new LedgerConfig(dataDir, deployment, rpc, verifierRpcs, address, confirmations, reportDeadlineBlocks,
        pollInterval, maxBackoff, verifierTimeout, settlement, timing, recordBeacons);
  }

  public LedgerConfig withConfirmations(int blocks) {
    return new LedgerConfig(dataDir, deployment, rpc, verifierRpcs, listen, blocks, reportDeadlineBlocks, pollInterval,
        maxBackoff, verifierTimeout, settlement, timing, recordBeacons);
  }

  public LedgerConfig withReportDeadlineBlocks(long blocks) {
    return new LedgerConfig(dataDir, deployment, rpc, verifierRpcs, listen, confirmations, blocks, pollInterval,
        maxBackoff, verifierTimeout, settlement, timing, recordBeacons);
  }

  public LedgerConfig withPolling(Duration interval, Duration backoff) {
    return new LedgerConfig(dataDir, deployment, rpc, verifierRpcs, listen, confirmations, reportDeadlineBlocks,
        interval, backoff, verifierTimeout, settlement, timing, recordBeacons);
  }

  public LedgerConfig withSettlement(SettlementConfig rules) {
    return new LedgerConfig(dataDir, deployment, rpc, verifierRpcs, listen, confirmations, reportDeadlineBlocks,
        pollInterval, maxBackoff, verifierTimeout, rules, timing, recordBeacons);
  }

  public LedgerConfig withRecordBeacons(boolean record) {
    return new LedgerConfig(dataDir, deployment, rpc, verifierRpcs, listen, confirmations, reportDeadlineBlocks,
        pollInterval, maxBackoff, verifierTimeout, settlement, timing, record);
  }
}
