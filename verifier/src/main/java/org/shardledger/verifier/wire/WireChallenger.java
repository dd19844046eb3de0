package org.shardledger.verifier.wire;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.shardledger.verifier.audit.Challenger;
import org.shardledger.verifier.audit.OperatorEndpoint;
import org.shardledger.wire.client.ChallengeResult;
import org.shardledger.wire.client.OperatorClient;
import org.shardledger.wire.client.WireClient;

/** Challenges over the wire protocol, one pooled connection per (operator, endpoint). */
public final class WireChallenger implements Challenger {
  private final WireClient client;
  private final ConcurrentHashMap<String, OperatorClient> operators = new ConcurrentHashMap<>();

  public WireChallenger(WireClient client) {
    this.client = client;
  }

  @Override
  public CompletableFuture<ChallengeResult> challenge(OperatorEndpoint operator, long dealId, long epoch,
      Duration timeout) {
    String key = operator.address().toHex() + "@" + operator.endpoint();
    OperatorClient channel = operators.computeIfAbsent(key,
        k -> client.operator(operator.socketAddress(), operator.address()));
    return channel.challenge(dealId, epoch, timeout);
  }

  @Override
  public void close() {
    operators.values().forEach(OperatorClient::close);
    operators.clear();
  }
}
