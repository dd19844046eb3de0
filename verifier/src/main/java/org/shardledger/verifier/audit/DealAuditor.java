package org.shardledger.verifier.audit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.proof.MalformedProofException;
import org.shardledger.protocol.proof.ProofVerdict;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.store.AuditRecord;
import org.shardledger.wire.client.ChallengeResult;
import org.shardledger.wire.client.Failure;

/**
 * Audits one deal for one epoch: challenges the operator (which derives the indices itself from the beacon),
 * verifies what comes back, and tries again when nothing usable came back. A signed answer decides at once: a
 * proof that verifies is PASS, a signed proof that does not (or a signed "I don't have it") is FAIL. Silence,
 * refusal, a garbled or unsigned answer is UNREACHABLE only after every try of the epoch — never FAIL.
 */
public final class DealAuditor {
  private final Challenger operators;
  private final AuditLog store;
  private final VerifierStatusLog status;
  private final long chainId;
  private final AuditSettings settings;
  private final Executor verifyPool;

  public DealAuditor(Challenger operators, AuditLog store, VerifierStatusLog status, long chainId,
      AuditSettings settings, Executor verifyPool) {
    this.operators = operators;
    this.store = store;
    this.status = status;
    this.chainId = chainId;
    this.settings = settings;
    this.verifyPool = verifyPool;
  }

  /** Runs the deal's tries; completes with the recorded result. Never completes exceptionally for the network. */
  public CompletableFuture<AuditRecord> audit(Deal deal, OperatorEndpoint operator, EpochBeacon beacon) {
    Challenge challenge = Challenge.audit(beacon.beacon(), chainId, deal.id(), beacon.epoch(), deal.samples());
    return attempt(deal, operator, challenge, 1, System.nanoTime());
  }

  private CompletableFuture<AuditRecord> attempt(Deal deal, OperatorEndpoint operator, Challenge challenge,
      int attempt, long started) {
    CompletableFuture<ChallengeResult> answer;
    try {
      answer = operators.challenge(operator, deal.id(), challenge.epoch(), settings.requestTimeout());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(unreachable(deal, challenge, attempt, started, "BAD_ENDPOINT",
          "the operator's endpoint \"" + operator.endpoint() + "\" is not host:port"));
    }
    return answer
        .thenApplyAsync(result -> judge(deal, challenge, result, attempt, started), verifyPool)
        .thenCompose(outcome -> {
          if (outcome.record() != null) {
            return CompletableFuture.completedFuture(outcome.record());
          }
          log(challenge, deal, attempt, outcome.reason(), outcome.detail());
          if (attempt >= settings.attempts()) {
            return CompletableFuture.completedFuture(unreachable(deal, challenge, attempt, started,
                outcome.reason(), outcome.detail()));
          }
          long pause = settings.retryPause().toMillis() << Math.min(10, attempt - 1);
          Executor later = CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS, verifyPool);
          return CompletableFuture.supplyAsync(() -> null, later)
              .thenCompose(ignored -> attempt(deal, operator, challenge, attempt + 1, started));
        });
  }

  /** Either a final record, or the reason this try gave nothing usable. */
  private record Judgement(AuditRecord record, String reason, String detail) {}

  private Judgement judge(Deal deal, Challenge challenge, ChallengeResult result, int attempt,
      long started) {
    Address operator = deal.operator();
    long millis = (System.nanoTime() - started) / 1_000_000;
    return switch (result) {
      case ChallengeResult.Proof p -> {
        String signature = p.signature().toHex();
        String proofHash = p.response().proofHash().toHex();
        StorageProof proof;
        try {
          proof = p.decode();
        } catch (MalformedProofException e) {
          yield new Judgement(new AuditRecord(challenge.epoch(), deal.id(), operator, AuditOutcome.FAIL,
              "MALFORMED_PROOF", "the operator signed bytes that are not a proof: " + e.getMessage(), attempt, millis,
              proofHash, signature), null, null);
        }
        ProofVerdict verdict = ProofVerifier.verify(deal.commitment(), challenge, proof);
        yield new Judgement(switch (verdict) {
          case ProofVerdict.Valid v -> new AuditRecord(challenge.epoch(), deal.id(), operator,
              AuditOutcome.PASS, "VALID", proof.samples().size() + " samples verified", attempt, millis, proofHash,
              signature);
          case ProofVerdict.Invalid i -> new AuditRecord(challenge.epoch(), deal.id(), operator,
              AuditOutcome.FAIL, i.reason().name(), i.detail(), attempt, millis, proofHash, signature);
        }, null, null);
      }
      case ChallengeResult.NoData n -> new Judgement(new AuditRecord(challenge.epoch(), deal.id(), operator,
          AuditOutcome.FAIL, "NO_DATA", "the operator signed that it does not have the shard", attempt, millis,
          n.response().proofHash().toHex(), n.signature().toHex()), null, null);
      case Failure.Rejected r -> new Judgement(null, "REFUSED", r.code() + ": " + r.message());
      case Failure.TimedOut t -> new Judgement(null, "TIMEOUT", "no answer within " + t.after());
      case Failure.Garbled g -> new Judgement(null, "GARBLED", g.reason());
      case Failure.Unreachable u -> new Judgement(null, "UNREACHABLE", u.reason());
    };
  }

  private AuditRecord unreachable(Deal deal, Challenge challenge, int attempts, long started, String reason,
      String detail) {
    return new AuditRecord(challenge.epoch(), deal.id(), deal.operator(), AuditOutcome.UNREACHABLE,
        reason, detail + " (after " + attempts + (attempts == 1 ? " try)" : " tries)"), attempts,
        (System.nanoTime() - started) / 1_000_000, null, null);
  }

  private void log(Challenge challenge, Deal deal, int attempt, String reason, String detail) {
    status.attemptFailed(challenge.epoch(), deal.id(), deal.operator(), attempt, reason + ": " + detail);
    try {
      store.recordAttempt(challenge.epoch(), deal.id(), attempt, AuditOutcome.UNREACHABLE, reason, detail);
    } catch (java.io.IOException e) {
      status.problem("recording an attempt", e);
    }
  }

  /** Drops pooled connections (at shutdown). */
  public void close() {
    operators.close();
  }
}
