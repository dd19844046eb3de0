package org.shardledger.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Keccak256;
import org.shardledger.protocol.payout.ClaimProof;
import org.shardledger.protocol.payout.PayoutTree;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.json.ClaimProofJson;

/**
 * The promises of the whole network, checked against the chain after every epoch: each epoch settled at most once
 * (the Settled events cover consecutive, disjoint ranges and settledThrough never goes back); no operator slashed;
 * the ledger's balance of every account is the leaf the chain's latest root proves and lies within what the
 * {@link PayoutModel} owes; nothing claimed beyond the cumulative amount, and the chain's claimed total is the sum
 * of its Claimed events. A violation is recorded with what was seen, not thrown, so a run reports all of them.
 */
public final class InvariantChecker {
  static final String SETTLED = Keccak256.hash("Settled(uint64,uint64,bytes32,uint256,bytes32,bytes32)").toHex();
  static final String SLASH = Keccak256.hash("SettlementSlash(uint64,address,uint256,uint256)").toHex();
  static final String CLAIMED = Keccak256.hash("Claimed(address,uint256,uint256)").toHex();

  private final TestbedNetwork net;
  private final Chain reader;
  private final RpcClient anvil;
  private final RpcClient ledger;
  private final PayoutModel model;
  private final List<String> violations = new ArrayList<>();
  private final List<Verdict> notPassed = new ArrayList<>();
  private long lastSettledThrough;
  private int checks;
  private int passed;
  private int balancesCompared;

  public InvariantChecker(TestbedNetwork net, Chain reader, PayoutModel model) {
    this.net = net;
    this.reader = reader;
    this.anvil = new RpcClient(net.chain().rpcUrl(), Duration.ofSeconds(10));
    this.ledger = new RpcClient(net.ledgerRpc(), Duration.ofSeconds(10));
    this.model = model;
  }

  /** One round of checks; {@code end} also asks that every deal is settled to its last epoch and paid in full. */
  public synchronized boolean check(boolean end) throws IOException {
    int before = violations.size();
    checks++;
    long settledThrough = reader.settlements().settledThrough();
    if (settledThrough < lastSettledThrough) {
      violate("settledThrough went back from " + lastSettledThrough + " to " + settledThrough);
    }
    lastSettledThrough = settledThrough;
    long next = 0;
    Set<Long> seen = new HashSet<>();
    for (JsonNode log : logs(SETTLED)) {
      long epoch = Long.decode(log.get("topics").get(1).asText());
      long from = new BigInteger(word(log, 0), 16).longValueExact();
      for (long e = from; e <= epoch; e++) {
        if (!seen.add(e)) {
          violate("epoch " + e + " settled twice (settlement " + from + ".." + epoch + ")");
        }
      }
      if (from < next) {
        violate("settlement " + from + ".." + epoch + " starts before " + next);
      }
      next = epoch + 1;
    }
    if (next != settledThrough) {
      violate("the Settled events end at " + (next - 1) + " but settledThrough is " + settledThrough);
    }
    for (JsonNode log : logs(SLASH)) {
      violate("operator " + log.get("topics").get(2).asText() + " slashed in epoch "
          + Long.decode(log.get("topics").get(1).asText()));
    }
    checkClaims();
    long settledEpoch = settledThrough - 1;
    Bytes32 root = reader.settlements().latestRoot();
    Map<Long, Map<Long, Verdict>> verdicts = end ? verdicts() : Map.of();
    for (TestbedNetwork.Role op : net.operators()) {
      checkBalance(op.key().address(), settledEpoch, root, end ? model.owed(op.key().address(), verdicts) : null);
    }
    if (end) {
      BigInteger refunded = model.total();
      for (TestbedNetwork.Role op : net.operators()) {
        refunded = refunded.subtract(model.owed(op.key().address(), verdicts));
      }
      checkBalance(net.owner().address(), settledEpoch, root, refunded);
    }
    if (end) {
      if (settledEpoch < model.lastEpoch()) {
        violate("the network settled through epoch " + settledEpoch + ", not every deal's last epoch "
            + model.lastEpoch());
      }
      BigInteger total = reader.settlements().cumulativeTotal();
      if (!total.equals(model.total())) {
        violate("cumulativeTotal on chain is " + total + "; the model owes " + model.total());
      }
    }
    boolean ok = violations.size() == before;
    if (ok) {
      passed++;
    }
    return ok;
  }

  /**
   * Every deal's settled verdicts by epoch, checked against their t-of-n counts; the ones that did not pass are kept
   * for the runner to tell the bed's faults from the rest ({@link #notPassed}).
   */
  private Map<Long, Map<Long, Verdict>> verdicts() throws IOException {
    int t = reader.settlements().threshold();
    Map<Long, Map<Long, Verdict>> out = new java.util.HashMap<>();
    notPassed.clear();
    for (TestbedNetwork.OwnerDeal d : model.deals()) {
      Map<Long, Verdict> byEpoch = new java.util.TreeMap<>();
      for (Verdict v : Verdict.read(ledger, d.id(), d.firstEpoch(), d.lastEpoch())) {
        byEpoch.put(v.epoch(), v);
        if (!v.agrees(t)) {
          violate("deal " + d.id() + " epoch " + v.epoch() + " is " + v.outcome() + " with " + v.pass() + " PASS, "
              + v.fail() + " FAIL, " + v.unreachable() + " UNREACHABLE of threshold " + t);
        }
        if (!v.pays()) {
          notPassed.add(v);
        }
      }
      for (long e = d.firstEpoch(); e <= d.lastEpoch(); e++) {
        if (!byEpoch.containsKey(e)) {
          notPassed.add(new Verdict(e, d.id(), "NONE", "NOT_RECORDED", 0, 0, 0));
        }
      }
      out.put(d.id(), byEpoch);
    }
    return out;
  }

  /** The verdicts of the last full check that did not pay (UNREACHABLE, FAIL, or none recorded). */
  public synchronized List<Verdict> notPassed() {
    return List.copyOf(notPassed);
  }

  /** {@code owed}: the exact credit once every deal ended, or null while they run (then the model's bounds). */
  private void checkBalance(Address account, long settledEpoch, Bytes32 root, BigInteger owed) throws IOException {
    JsonNode balance;
    JsonNode proof;
    try {
      balance = ledger.call(MethodName.LEDGER_GET_BALANCE, account.toHex());
      proof = ledger.call(MethodName.LEDGER_GET_CLAIM_PROOF, account.toHex());
    } catch (Exception e) {
      return; // the ledger is down or restarting: the chain checks above still ran
    }
    if (balance.get("epoch") == null || balance.get("epoch").isNull()
        || Long.decode(balance.get("epoch").asText()) != settledEpoch) {
      return; // the ledger's confirmed view lags the chain by its confirmation depth
    }
    balancesCompared++;
    BigInteger cumulative = new BigInteger(balance.get("cumulative").asText().substring(2), 16);
    List<Bytes32> path = new ArrayList<>();
    proof.get("proof").forEach(p -> path.add(Bytes32.fromHex(p.asText())));
    if (!PayoutTree.verify(root, account, cumulative, path)) {
      violate("the ledger's balance " + cumulative + " of " + account + " is not what the chain's root " + root
          + " proves");
    }
    BigInteger most = owed != null ? owed : model.most(account, settledEpoch);
    BigInteger least = owed != null ? owed : model.least(account, settledEpoch);
    if (cumulative.compareTo(most) > 0 || cumulative.compareTo(least) < 0) {
      violate(account + " is credited " + cumulative + " through epoch " + settledEpoch + "; the model owes "
          + least + ".." + most);
    }
  }

  private void checkClaims() throws IOException {
    Map<String, BigInteger> sums = new java.util.HashMap<>();
    for (JsonNode log : logs(CLAIMED)) {
      String account = "0x" + log.get("topics").get(1).asText().substring(26);
      sums.merge(account, new BigInteger(word(log, 0), 16), BigInteger::add);
    }
    for (TestbedNetwork.Role op : net.operators()) {
      Address a = op.key().address();
      BigInteger claimed = reader.settlements().claimed(a);
      BigInteger events = sums.getOrDefault(a.toHex(), BigInteger.ZERO);
      if (!claimed.equals(events)) {
        violate(a + " has claimed " + claimed + " on chain but its Claimed events add up to " + events);
      }
      if (claimed.compareTo(model.most(a, model.lastEpoch())) > 0) {
        violate(a + " claimed " + claimed + ", more than it is ever owed");
      }
    }
  }

  private List<JsonNode> logs(String topic) throws IOException {
    Map<String, Object> filter = Map.of("fromBlock", "0x0", "toBlock", "latest", "address",
        net.chain().deployment().ledger().toHex(), "topics", List.of(topic));
    List<JsonNode> out = new ArrayList<>();
    try {
      anvil.call("eth_getLogs", filter).forEach(out::add);
    } catch (org.shardledger.rpc.RpcException e) {
      throw new IOException("eth_getLogs: " + e.getMessage(), e);
    }
    return out;
  }

  private static String word(JsonNode log, int i) {
    String data = log.get("data").asText().substring(2);
    return data.substring(i * 64, (i + 1) * 64);
  }

  /**
   * The claim proof the ledger serves for the operator now; empty when the ledger cannot give one (down, restarting,
   * no credit yet). The contract accepts it while its root is the latest or the one before it.
   */
  public java.util.Optional<ClaimProof> claimProof(Address operator) {
    try {
      return java.util.Optional.of(ClaimProofJson.decode(ledger.call(MethodName.LEDGER_GET_CLAIM_PROOF,
          operator.toHex())).orThrow());
    } catch (IOException | RpcException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Sends the claim. Anyone may send a claim: it is sent from {@link TestbedNetwork#claimSender()}, so it never races
   * the operator's own transactions for a nonce.
   */
  public org.shardledger.contracts.tx.TxOutcome claim(ClaimProof proof) throws IOException {
    try (Chain chain = net.chain().connect(net.claimSender())) {
      return chain.settlements().claim(proof.account(), proof.cumulativeAmount(), proof.proof());
    }
  }

  synchronized void violate(String what) {
    violations.add(what);
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  public synchronized int checks() {
    return checks;
  }

  public synchronized int passed() {
    return passed;
  }

  public synchronized int balancesCompared() {
    return balancesCompared;
  }
}
