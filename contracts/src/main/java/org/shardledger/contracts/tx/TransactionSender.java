package org.shardledger.contracts.tx;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Sends one key's transactions exactly once, even across crashes, many at a time. Each send: a pre-flight estimate
 * (a revert there is an answer, and nothing is sent), a nonce from this sender's own count, signing, a journal
 * entry on disk and the broadcast — one send at a time, so nonces are handed out in the order the node sees them —
 * then, outside that lock, a receipt poll: threads that send at once wait for their receipts together, and their
 * transactions can share a block. After a restart, {@link #recoverPending()} rebroadcasts what the journal still
 * owes a receipt for — the same signed bytes, never a new signature. A revert whose error the caller names as
 * "already done" counts as success.
 */
public final class TransactionSender {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionSender.class);
  private static final BigInteger DEFAULT_TIP = BigInteger.valueOf(1_000_000_000L);
  private static final int RECEIPT_LAG_ATTEMPTS = 20;

  private final Web3j web3;
  private final Credentials credentials;
  private final Address from;
  private final long chainId;
  private final TransactionJournal journal;
  private final RevertDecoder errors;
  private final Duration pollInterval;
  private final Duration receiptTimeout;
  private boolean recovered;
  /** The nonce the next transaction gets, when this sender knows better than the node's count (-1: ask). */
  private long nextNonce = -1;
  /** Transactions broadcast whose outcome nobody has collected yet. */
  private int inFlight;

  public TransactionSender(Web3j web3, KeyPair key, long chainId, TransactionJournal journal, RevertDecoder errors,
      Duration pollInterval, Duration receiptTimeout) {
    this.web3 = web3;
    this.credentials = Credentials.create(ECKeyPair.create(key.privateKey()));
    this.from = key.address();
    this.chainId = chainId;
    this.journal = journal;
    this.errors = errors;
    this.pollInterval = pollInterval;
    this.receiptTimeout = receiptTimeout;
  }

  public Address from() {
    return from;
  }

  /** Calls {@code to} with {@code data}; {@code to == null} creates a contract. Safe to call from many threads. */
  public TxOutcome send(String purpose, Address to, byte[] data,
      Set<ContractError> alreadyDoneErrors) throws IOException {
    return submit(purpose, to, data, alreadyDoneErrors).outcome();
  }

  /**
   * Estimates, signs, journals and broadcasts a call without waiting for it; {@link Submitted#outcome()} waits.
   * A revert in the estimate is the outcome at once (nothing is sent).
   */
  public synchronized Submitted submit(String purpose, Address to, byte[] data, Set<ContractError> alreadyDoneErrors)
      throws IOException {
    if (!recovered) {
      recoverPending();
    }
    String toHex = to == null ? null : to.toHex();
    String dataHex = Hex.encode(data);
    EthEstimateGas estimate = web3.ethEstimateGas(
        Transaction.createFunctionCallTransaction(from.toHex(), null, null, null, toHex, dataHex)).send();
    if (estimate.hasError()) {
      DecodedRevert reason = errors.decode(estimate.getError().getData());
      if (reason.name().equals("unknown revert") && estimate.getError().getData() == null) {
        throw new IOException("estimating gas for " + purpose + " failed: " + estimate.getError().getMessage());
      }
      return new Submitted(alreadyDone(alreadyDoneErrors, reason) ? new TxOutcome.AlreadyDone(reason)
          : new TxOutcome.Reverted(reason, null));
    }
    BigInteger gasLimit = estimate.getAmountUsed().multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN)
        .add(BigInteger.valueOf(20_000));
    long nonce = nextNonce();
    BigInteger tip = tip();
    BigInteger maxFee = baseFee().multiply(BigInteger.TWO).add(tip);
    RawTransaction raw = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), gasLimit,
        toHex == null ? "" : toHex, BigInteger.ZERO, dataHex, tip, maxFee);
    String signed = Hex.encode(TransactionEncoder.signMessage(raw, chainId, credentials));
    JournalEntry entry = new JournalEntry(nonce, purpose, signed, Bytes32.fromHex(Hash.sha3(signed)),
        JournalEntry.State.PENDING, "");
    journal.recordSigned(entry);
    broadcast(entry);
    inFlight++;
    return new Submitted(() -> {
      try {
        return awaitOutcome(entry, toHex, dataHex, alreadyDoneErrors);
      } finally {
        landed();
      }
    });
  }

  /** A transaction handed to the node, or the answer the estimate gave instead. */
  public static final class Submitted {
    private final TxOutcome immediate;
    private final Await await;

    private Submitted(TxOutcome immediate) {
      this.immediate = immediate;
      this.await = null;
    }

    private Submitted(Await await) {
      this.immediate = null;
      this.await = await;
    }

    /** Waits for the receipt (or returns the estimate's answer). */
    public TxOutcome outcome() throws IOException {
      return immediate != null ? immediate : await.outcome();
    }
  }

  private interface Await {
    TxOutcome outcome() throws IOException;
  }

  /**
   * Rebroadcasts every transaction the journal still owes a receipt for (after a crash), waits for each and
   * records its outcome. Call once at start, before sending anything new.
   */
  public synchronized List<TxOutcome> recoverPending() throws IOException {
    recovered = true;
    List<TxOutcome> outcomes = new ArrayList<>();
    for (JournalEntry entry : journal.pending()) {
      LOG.info("rebroadcasting {} (nonce {}, {}) signed before a restart", entry.purpose(), entry.nonce(),
          entry.hash());
      broadcast(entry);
      outcomes.add(awaitOutcome(entry, null, null, Set.of()));
    }
    return outcomes;
  }

  private void broadcast(JournalEntry entry) throws IOException {
    EthSendTransaction sent = web3.ethSendRawTransaction(entry.rawTransaction()).send();
    if (sent.hasError()) {
      String message = sent.getError().getMessage();
      boolean benign = message != null && (message.contains("already known") || message.contains("nonce too low")
          || message.contains("already imported"));
      if (!benign) {
        journal.recordOutcome(entry.with(JournalEntry.State.FAILED, "rejected: " + message));
        forgetNonce();
        throw new IOException("the node rejected " + entry.purpose() + ": " + message);
      }
    }
  }

  private TxOutcome awaitOutcome(JournalEntry entry, String toHex, String dataHex, Set<ContractError> alreadyDone)
      throws IOException {
    Optional<TransactionReceipt> receipt = awaitReceipt(entry);
    if (receipt.isEmpty()) {
      journal.recordOutcome(entry.with(JournalEntry.State.FAILED, "dropped: nonce taken by another transaction"));
      forgetNonce();
      return new TxOutcome.Reverted(DecodedRevert.unknown("dropped"), entry.hash());
    }
    TransactionReceipt r = receipt.get();
    if (r.isStatusOK()) {
      journal.recordOutcome(entry.with(JournalEntry.State.DONE, "block " + r.getBlockNumber()));
      return new TxOutcome.Mined(entry.hash(), r.getBlockNumber().longValueExact(), r.getGasUsed().longValueExact(),
          r.getLogs().stream().map(TransactionSender::rawLog).toList(),
          r.getContractAddress() == null ? null : Address.fromHex(r.getContractAddress()));
    }
    DecodedRevert reason = toHex == null && dataHex == null ? DecodedRevert.unknown(null)
        : replayRevert(toHex, dataHex, r.getBlockNumber());
    journal.recordOutcome(entry.with(JournalEntry.State.FAILED, "reverted: " + reason));
    return alreadyDone(alreadyDone, reason) ? new TxOutcome.AlreadyDone(reason)
        : new TxOutcome.Reverted(reason, entry.hash());
  }

  /** Polls for the receipt; empty if the nonce was used by something else and this one can never be mined. */
  private Optional<TransactionReceipt> awaitReceipt(JournalEntry entry) throws IOException {
    long deadline = System.nanoTime() + receiptTimeout.toNanos();
    while (true) {
      Optional<TransactionReceipt> receipt = web3.ethGetTransactionReceipt(entry.hash().toHex()).send()
          .getTransactionReceipt();
      if (receipt.isPresent()) {
        return receipt;
      }
      long minedNonce = web3.ethGetTransactionCount(from.toHex(), DefaultBlockParameterName.LATEST).send()
          .getTransactionCount().longValueExact();
      if (minedNonce > entry.nonce()) {
        return receiptAfterNonceMoved(entry);
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("no receipt for " + entry.purpose() + " (" + entry.hash() + ") after "
            + receiptTimeout + "; it stays in the journal and is rebroadcast at the next start");
      }
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + entry.purpose(), e);
      }
    }
  }

  /**
   * The nonce moved past the entry: its receipt is there, or it was replaced. A node may count the nonce a moment
   * before it serves the receipt (Anvil does under load), so look a few more times before calling it dropped.
   */
  private Optional<TransactionReceipt> receiptAfterNonceMoved(JournalEntry entry) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Optional<TransactionReceipt> receipt = web3.ethGetTransactionReceipt(entry.hash().toHex()).send()
          .getTransactionReceipt();
      if (receipt.isPresent() || attempt >= RECEIPT_LAG_ATTEMPTS) {
        return receipt;
      }
      try {
        Thread.sleep(Math.max(10, pollInterval.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + entry.purpose(), e);
      }
    }
  }

  private DecodedRevert replayRevert(String toHex, String dataHex, BigInteger block) throws IOException {
    EthCall call = web3.ethCall(Transaction.createEthCallTransaction(from.toHex(), toHex, dataHex),
        DefaultBlockParameter.valueOf(block)).send();
    if (call.hasError()) {
      return errors.decode(call.getError().getData());
    }
    return call.isReverted() ? errors.decode(call.getRevertReason()) : DecodedRevert.unknown(null);
  }

  /**
   * The node's pending count, or, while transactions of this sender are in flight, the higher of that and the
   * sender's own count (a node's pending count may lag behind its pool). Every earlier transaction of this key was
   * broadcast before (broadcasts happen one at a time). With nothing in flight the node's count is the truth — also
   * after a reorg took blocks (and their transactions) away. A rejected or dropped transaction makes the sender ask
   * the node again.
   */
  private long nextNonce() throws IOException {
    long node = web3.ethGetTransactionCount(from.toHex(), DefaultBlockParameterName.PENDING).send()
        .getTransactionCount().longValueExact();
    long nonce = inFlight > 0 ? Math.max(node, nextNonce) : node;
    nextNonce = nonce + 1;
    return nonce;
  }

  private synchronized void forgetNonce() {
    nextNonce = -1;
  }

  private synchronized void landed() {
    inFlight--;
  }

  private BigInteger baseFee() throws IOException {
    BigInteger base = web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
        .getBaseFeePerGas();
    return base == null ? BigInteger.ZERO : base;
  }

  private BigInteger tip() {
    try {
      BigInteger tip = web3.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
      return tip == null || tip.signum() == 0 ? DEFAULT_TIP : tip;
    } catch (IOException | RuntimeException e) {
      return DEFAULT_TIP;
    }
  }

  private static TxOutcome.RawLog rawLog(org.web3j.protocol.core.methods.response.Log log) {
    return new TxOutcome.RawLog(Address.fromHex(log.getAddress()),
        log.getTopics().stream().map(Bytes32::fromHex).toList(), log.getData(), log.getLogIndex().longValueExact());
  }

  private static boolean alreadyDone(Set<ContractError> done, DecodedRevert reason) {
    return done.stream().anyMatch(k -> k.is(reason));
  }
}
