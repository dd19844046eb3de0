package org.shardledger.wire.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.wire.message.ErrorCode;

/** A backend whose answers a test sets; uploads land in memory. */
public final class FakeBackend implements OperatorBackend {
  public final ByteArrayOutputStream uploaded = new ByteArrayOutputStream();
  public final AtomicInteger aborts = new AtomicInteger();
  public final AtomicInteger begins = new AtomicInteger();
  public final AtomicInteger finishes = new AtomicInteger();
  public volatile BiFunction<Long, Long, ChallengeAnswer> challenges =
      (deal, epoch) -> new Refusal(ErrorCode.UNKNOWN_DEAL, "none");
  /** Makes every upload write fail (a full disk). */
  public volatile boolean diskFull;
  /** Signs every finished upload as accepted (root 0x00…00); null refuses uploads. */
  public volatile Signature acceptance;
  /** The answer to RETRIEVE, by first chunk. */
  public volatile java.util.function.LongFunction<RetrievalAdmission> retrieval =
      first -> new Refusal(ErrorCode.UNKNOWN_DEAL, "none");
  /** Who the last RETRIEVE came from (empty: the client did not IDENTIFY). */
  public volatile Optional<Address> lastRequester = Optional.empty();
  /** What TERMS is answered with; null fails the call (answered INTERNAL). */
  public volatile SignedTerms terms;

  @Override
  public UploadAdmission beginUpload(long dealId, long size) {
    begins.incrementAndGet();
    if (acceptance == null) {
      return new Refusal(ErrorCode.UNKNOWN_DEAL, "no deal " + dealId);
    }
    return new Ready(new UploadSink() {
      @Override
      public void write(ByteBuffer data) throws java.io.IOException {
        if (diskFull) {
          throw new java.io.IOException("No space left on device");
        }
        byte[] b = new byte[data.remaining()];
        data.get(b);
        uploaded.writeBytes(b);
      }

      @Override
      public UploadVerdict finish() {
        finishes.incrementAndGet();
        return new Acceptance(Bytes32.ZERO, size, acceptance);
      }

      @Override
      public void abort() {
        aborts.incrementAndGet();
      }
    });
  }

  @Override
  public ChallengeAnswer answerChallenge(long dealId, long epoch) {
    return challenges.apply(dealId, epoch);
  }

  @Override
  public SignedTerms terms() {
    if (terms == null) {
      throw new IllegalStateException("no terms set");
    }
    return terms;
  }

  @Override
  public RetrievalAdmission openRetrieval(long dealId, long firstChunk, Optional<Address> requester,
      long expiresAt, Signature ticket) {
    lastRequester = requester;
    return retrieval.apply(firstChunk);
  }
}
