package org.shardledger.verifier.audit;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.shardledger.chainstore.ChainMirror.MirroredBeacon;
import org.shardledger.chainstore.ChainMirror.MirroredDeal;
import org.shardledger.chainstore.ChainMirror.MirroredOperator;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.challenge.Challenge;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.proof.MalformedProofException;
import org.shardledger.protocol.proof.ProofVerdict;
import org.shardledger.protocol.proof.ProofVerifier;
import org.shardledger.protocol.proof.StorageProof;
import org.shardledger.verifier.VerifierStatusLog;
import org.shardledger.verifier.store.AuditRecord;
import org.shardledger.verifier.store.AuditStore;
import org.shardledger.wire.client.ChallengeResult;
import org.shardledger.wire.client.Failure;
import org.shardledger.wire.client.OperatorClient;
import org.shardledger.wire.client.WireClient;

/**
 * Audits one deal for one epoch: challenges the operator (which derives the indices itself from the beacon),
 * verifies what comes back, and tries again when nothing usable came back. A signed answer decides at once: a
 * proof that verifies is PASS, a signed proof that does not (or a signed "I don't have it") is FAIL. Silence,
 * refusal, a garbled or unsigned answer is UNREACHABLE only after every try of the epoch — never FAIL.
 */
public final class DealAuditor {
  private final WireClient client;
  private final AuditStore store;
  private final VerifierStatusLog status;
  private final long chainId;
  private final AuditSettings settings;
  private final Executor verifyPool;
  private final ConcurrentHashMap<String, OperatorClient> operators = new ConcurrentHashMap<>();

  public DealAuditor(WireClient client, AuditStore store, VerifierStatusLog status, long chainId,
      AuditSettings settings, Executor verifyPool) {
    this.client = client;
    this.store = store;
    this.status = status;
    this.chainId = chainId;
    this.settings = settings;
    this.verifyPool = verifyPool;
  }

  /** Runs the deal's tries; completes with the recorded result. Never completes exceptionally for the network. */
  public CompletableFuture<AuditRecord> audit(MirroredDeal deal, MirroredOperator operator, MirroredBeacon beacon) {
    Challenge challenge = Challenge.audit(beacon.beacon(), chainId, deal.deal().id(), beacon.epoch(),
        deal.deal().samples());
    return attempt(deal, operator, challenge, 1, System.nanoTime());
  }

  private CompletableFuture<AuditRecord> attempt(MirroredDeal deal, MirroredOperator operator, Challenge challenge,
      int attempt, long started) {
    OperatorClient channel;
    try {
      channel = channel(operator);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(unreachable(deal, challenge, attempt, started, "BAD_ENDPOINT",
          "the operator's endpoint \"" + operator.endpoint() + "\" is not host:port"));
    }
    return channel.challenge(deal.deal().id(), challenge.epoch(), settings.requestTimeout())
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

  private Judgement judge(MirroredDeal deal, Challenge challenge, ChallengeResult result, int attempt,
      long started) {
    Address operator = deal.deal().operator();
    long millis = (System.nanoTime() - started) / 1_000_000;
    return switch (result) {
      case ChallengeResult.Proof p -> {
        String signature = p.signature().toHex();
        String proofHash = p.response().proofHash().toHex();
        StorageProof proof;
        try {
          proof = p.decode();
        } catch (MalformedProofException e) {
          yield new Judgement(new AuditRecord(challenge.epoch(), deal.deal().id(), operator, AuditOutcome.FAIL,
              "MALFORMED_PROOF", "the operator signed bytes that are not a proof: " + e.getMessage(), attempt, millis,
              proofHash, signature), null, null);
        }
        ProofVerdict verdict = ProofVerifier.verify(deal.deal().commitment(), challenge, proof);
        yield new Judgement(switch (verdict) {
          case ProofVerdict.Valid v -> new AuditRecord(challenge.epoch(), deal.deal().id(), operator,
              AuditOutcome.PASS, "VALID", proof.samples().size() + " samples verified", attempt, millis, proofHash,
              signature);
          case ProofVerdict.Invalid i -> new AuditRecord(challenge.epoch(), deal.deal().id(), operator,
              AuditOutcome.FAIL, i.reason().name(), i.detail(), attempt, millis, proofHash, signature);
        }, null, null);
      }
      case ChallengeResult.NoData n -> new Judgement(new AuditRecord(challenge.epoch(), deal.deal().id(), operator,
          AuditOutcome.FAIL, "NO_DATA", "the operator signed that it does not have the shard", attempt, millis,
          n.response().proofHash().toHex(), n.signature().toHex()), null, null);
      case Failure.Rejected r -> new Judgement(null, "REFUSED", r.code() + ": " + r.message());
      case Failure.TimedOut t -> new Judgement(null, "TIMEOUT", "no answer within " + t.after());
      case Failure.Garbled g -> new Judgement(null, "GARBLED", g.reason());
      case Failure.Unreachable u -> new Judgement(null, "UNREACHABLE", u.reason());
    };
  }

  private AuditRecord unreachable(MirroredDeal deal, Challenge challenge, int attempts, long started, String reason,
      String detail) {
    return new AuditRecord(challenge.epoch(), deal.deal().id(), deal.deal().operator(), AuditOutcome.UNREACHABLE,
        reason, detail + " (after " + attempts + (attempts == 1 ? " try)" : " tries)"), attempts,
        (System.nanoTime() - started) / 1_000_000, null, null);
  }

  private void log(Challenge challenge, MirroredDeal deal, int attempt, String reason, String detail) {
    status.attemptFailed(challenge.epoch(), deal.deal().id(), deal.deal().operator(), attempt, reason + ": " + detail);
    try {
      store.recordAttempt(challenge.epoch(), deal.deal().id(), attempt, AuditOutcome.UNREACHABLE, reason, detail);
    } catch (java.io.IOException e) {
      status.problem("recording an attempt", e);
    }
  }

  private OperatorClient channel(MirroredOperator operator) {
    String key = operator.address().toHex() + "@" + operator.endpoint();
    return operators.computeIfAbsent(key, k -> client.operator(parse(operator.endpoint()), operator.address()));
  }

  static InetSocketAddress parse(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    if (colon <= 0 || colon == endpoint.length() - 1) {
      throw new IllegalArgumentException("not host:port: " + endpoint);
    }
    String host = endpoint.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new InetSocketAddress(host, Integer.parseInt(endpoint.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not host:port: " + endpoint, e);
    }
  }

  /** Drops pooled connections (at shutdown). */
  public void close() {
    operators.values().forEach(OperatorClient::close);
    operators.clear();
  }
}
