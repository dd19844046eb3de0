package org.shardledger.ledger.settlement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.shardledger.ledger.LedgerStatusLog;
import org.shardledger.protocol.aggregation.VerifierSet;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Eip712Domain;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.protocol.settlement.SignAnswer;
import org.shardledger.protocol.settlement.SignSettlementRequest;

/**
 * Asks every verifier, in parallel, to sign a settlement, handing it the step (and, when it answers NOT_READY with
 * an epoch, the confirmed steps from there). Keeps only signatures that recover to a member of the verifier set
 * over exactly this settlement. A verifier that signed before is not asked again.
 */
final class SignatureCollector implements AutoCloseable {
  /** The confirmed steps from the one starting at an epoch (empty when there is none). */
  @FunctionalInterface
  interface History {
    List<SettlementStep> from(long epoch) throws IOException;
  }

  private final List<VerifierClient> verifiers;
  private final Eip712Domain domain;
  private final History history;
  private final LedgerStatusLog status;
  private final Map<String, Address> signerOf = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  SignatureCollector(List<VerifierClient> verifiers, Eip712Domain domain, History history, LedgerStatusLog status) {
    this.verifiers = List.copyOf(verifiers);
    this.domain = domain;
    this.history = history;
    this.status = status;
  }

  /** The new valid signatures of the verifiers not in {@code have}. */
  Map<Address, Signature> collect(SettlementStep step, VerifierSet set, Set<Address> have) {
    List<Future<Optional<Signature>>> asked = new ArrayList<>();
    for (VerifierClient v : verifiers) {
      Address known = signerOf.get(v.name());
      if (known == null || !have.contains(known)) {
        asked.add(executor.submit(() -> ask(v, step, set)));
      }
    }
    Map<Address, Signature> out = new ConcurrentHashMap<>();
    for (Future<Optional<Signature>> f : asked) {
      try {
        f.get().ifPresent(s -> domain.signer(step.settlement().settlement(), s).ifPresent(a -> out.put(a, s)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        status.verifierUnreachable("?", String.valueOf(e.getCause()));
      }
    }
    out.keySet().removeAll(have);
    return out;
  }

  private Optional<Signature> ask(VerifierClient v, SettlementStep step, VerifierSet set) {
    Settlement settlement = step.settlement().settlement();
    try {
      SignAnswer answer = v.sign(SignSettlementRequest.of(step));
      if (answer instanceof SignAnswer.NotReady n && n.fromEpoch().isPresent()
          && n.fromEpoch().getAsLong() < step.fromEpoch()) {
        List<SettlementStep> steps = new ArrayList<>(history.from(n.fromEpoch().getAsLong()));
        if (!steps.isEmpty() && steps.getLast().epoch() + 1 == step.fromEpoch()) {
          steps.add(step);
          answer = v.sign(new SignSettlementRequest(steps));
        }
      }
      switch (answer) {
        case SignAnswer.Signed s -> {
          Optional<Address> signer = domain.signer(settlement, s.signature().signature());
          if (signer.isEmpty() || !set.contains(signer.get())) {
            status.verifierRefused(step.epoch(), v.name(), "answered with a signature of " + signer.map(
                Address::toString).orElse("nobody") + ", not of a current verifier over this settlement");
            return Optional.empty();
          }
          signerOf.put(v.name(), signer.get());
          return Optional.of(s.signature().signature());
        }
        case SignAnswer.NotReady n -> status.verifierNotReady(step.epoch(), v.name(), n.reason());
        case SignAnswer.Refused r -> status.verifierRefused(step.epoch(), v.name(), r.reason());
      }
    } catch (IOException | RuntimeException e) {
      status.verifierUnreachable(v.name(), LedgerStatusLog.describe(e));
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
