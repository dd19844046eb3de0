package org.shardledger.contracts.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.contracts.events.CursorStore;
import org.shardledger.contracts.tx.RevertDecoder;
import org.shardledger.contracts.tx.TransactionJournal;
import org.shardledger.contracts.tx.TransactionSender;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

/**
 * The chain as the roles see it: the deployed contracts' calls in the project's own types. Nothing outside this
 * module sees web3j. Writes go through a {@link TransactionSender} with a journal, so they happen once.
 */
public final class Chain implements AutoCloseable {
  private final Web3j web3;
  private final Deployment deployment;
  private final TransactionJournal journal;
  private final LedgerBinding binding;
  private final Credits credits;
  private final Operators operators;
  private final Deals deals;
  private final Beacons beacons;
  private final Settlements settlements;
  private final Disputes disputes;
  private final Keys keys;

  private Chain(Web3j web3, Deployment deployment, TransactionJournal journal, TransactionSender sender) {
    this.web3 = web3;
    this.deployment = deployment;
    this.journal = journal;
    this.binding = new LedgerBinding(web3, deployment, sender, RevertDecoder.forProjectContracts());
    this.credits = new Credits(binding);
    this.operators = new Operators(binding, credits);
    this.deals = new Deals(binding, credits);
    this.beacons = new Beacons(binding);
    this.settlements = new Settlements(binding);
    this.disputes = new Disputes(binding, credits);
    this.keys = new Keys(binding);
  }

  /**
   * Connects to {@code rpc}; with a key, writes are signed with it and journaled under {@code journalDir}.
   * Checks that the node's chain id is the deployment's.
   */
  public static Chain connect(URI rpc, Deployment deployment, Optional<KeyPair> key, Path journalDir,
      ChainTiming timing) throws IOException {
    Web3j web3 = Web3j.build(new HttpService(rpc.toString()));
    try {
      long chainId = web3.ethChainId().send().getChainId().longValueExact();
      if (chainId != deployment.chainId()) {
        throw new IOException(rpc + " serves chain " + chainId + ", the deployment is on chain "
            + deployment.chainId());
      }
      TransactionJournal journal = null;
      TransactionSender sender = null;
      if (key.isPresent()) {
        journal = TransactionJournal.open(journalDir, key.get().address());
        sender = new TransactionSender(web3, key.get(), chainId, journal, RevertDecoder.forProjectContracts(),
            timing.pollInterval(), timing.receiptTimeout());
      }
      return new Chain(web3, deployment, journal, sender);
    } catch (IOException | RuntimeException e) {
      web3.shutdown();
      throw e instanceof IOException io ? io
          : new IOException("cannot reach the chain at " + rpc + ": " + e.getMessage(), e);
    }
  }

  public Deployment deployment() {
    return deployment;
  }

  /** The signing account, if this connection has a key. */
  public Optional<Address> account() {
    return binding.account();
  }

  public long blockNumber() throws IOException {
    return web3.ethBlockNumber().send().getBlockNumber().longValueExact();
  }

  /** The epoch of the latest block. */
  public long currentEpoch() throws IOException {
    return deployment.epochOf(blockNumber());
  }

  public Optional<Bytes32> blockHash(long number) throws IOException {
    var block = web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send()
        .getBlock();
    return block == null ? Optional.empty() : Optional.of(Bytes32.fromHex(block.getHash()));
  }

  /** The native coin balance (gas money) of an account. */
  public BigInteger nativeBalance(Address account) throws IOException {
    return web3.ethGetBalance(account.toHex(), DefaultBlockParameterName.LATEST).send().getBalance();
  }

  /** Rebroadcasts what a previous run signed and never saw mined (also done before the first new write). */
  public void recoverPendingTransactions() throws IOException {
    binding.sender().recoverPending();
  }

  public Credits credits() {
    return credits;
  }

  public Operators operators() {
    return operators;
  }

  public Deals deals() {
    return deals;
  }

  public Beacons beacons() {
    return beacons;
  }

  public Settlements settlements() {
    return settlements;
  }

  public Disputes disputes() {
    return disputes;
  }

  /** The key registry: accounts' published X25519 public keys. */
  public Keys keys() {
    return keys;
  }

  /**
   * A follower of the ledger's events, delivered once buried under {@code confirmations} blocks. Start it with
   * {@link ChainFollower#start()} or drive it with {@link ChainFollower#pollOnce()}.
   */
  public ChainFollower follow(int confirmations, CursorStore cursor, ChainFollower.Listener listener,
      ChainTiming timing) {
    return new ChainFollower(web3, deployment, confirmations, cursor, listener, timing.pollInterval(), 500);
  }

  @Override
  public void close() throws IOException {
    if (journal != null) {
      journal.close();
    }
    web3.shutdown();
  }
}
