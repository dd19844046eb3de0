package org.shardledger.prover.dispute;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.shardledger.contracts.chain.DisputeInfo;
import org.shardledger.contracts.tx.DecodedRevert;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.proof.SegmentProof;

/**
 * A chain in memory for the answerer: blocks advance by {@code tick} on every head read, block hashes are made up,
 * answers are recorded and accepted (the dispute turns ANSWERED) unless an outcome was queued. With {@link
 * #holdAnswers}, every answer waits until that many are being sent at once (as parallel sends do), or fails.
 */
final class InMemoryDisputeCourt implements DisputeCourt {
  static final Address DISPUTER = Address.fromHex("0x00000000000000000000000000000000000d15e5");

  volatile long head;
  volatile long tick;
  final Map<Long, DisputeInfo> disputes = new ConcurrentHashMap<>();
  final List<List<SegmentProof>> answers = new CopyOnWriteArrayList<>();
  final Deque<TxOutcome> queued = new ConcurrentLinkedDeque<>();
  private volatile CyclicBarrier together;

  /** From now on, each answer waits (up to 10 s) until {@code parties} answers are in flight together. */
  void holdAnswers(int parties) {
    together = new CyclicBarrier(parties);
  }

  InMemoryDisputeCourt(long head) {
    this.head = head;
  }

  static Bytes32 hashOf(long block) {
    return Bytes32.ofUnsigned(0xb10c0000L + block);
  }

  static TxOutcome.Reverted refusal(String error) {
    return new TxOutcome.Reverted(new DecodedRevert(error, List.of(), "0x"), null);
  }

  void open(long disputeId, long dealId, long openBlock, int samples) {
    disputes.put(disputeId, new DisputeInfo(disputeId, dealId, DISPUTER, openBlock + 1, samples,
        DisputeInfo.Status.OPEN, BigInteger.TEN));
  }

  void setStatus(long disputeId, DisputeInfo.Status status) {
    DisputeInfo d = disputes.get(disputeId);
    disputes.put(disputeId, new DisputeInfo(d.id(), d.dealId(), d.disputer(), d.beaconBlock(), d.samples(), status,
        d.bond()));
  }

  @Override
  public synchronized long blockNumber() {
    head += tick;
    return head;
  }

  @Override
  public Optional<DisputeInfo> dispute(long disputeId) {
    return Optional.ofNullable(disputes.get(disputeId));
  }

  @Override
  public Optional<Bytes32> blockHash(long number) {
    return number <= head ? Optional.of(hashOf(number)) : Optional.empty();
  }

  @Override
  public TxOutcome answer(long disputeId, List<SegmentProof> samples) throws IOException {
    CyclicBarrier barrier = together;
    if (barrier != null) {
      try {
        barrier.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw new IOException("the answers were not sent together: " + e);
      }
    }
    answers.add(samples);
    if (!queued.isEmpty()) {
      return queued.poll();
    }
    setStatus(disputeId, DisputeInfo.Status.ANSWERED);
    synchronized (this) {
      head++;
    }
    return new TxOutcome.Mined(Bytes32.ofUnsigned(disputeId), head, 100_000, List.of(), null);
  }
}
