package org.shardledger.node.devnet;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.payout.ClaimProof;
import org.shardledger.rpc.MethodName;
import org.shardledger.rpc.RpcClient;
import org.shardledger.rpc.RpcException;
import org.shardledger.rpc.json.ClaimProofJson;
import org.shardledger.verifier.VerifierNode;
import org.shardledger.verifier.store.AuditRecord;

/**
 * A block per epoch of what the network did — audits, settlements, earnings — and the operators' claims, made
 * for them with proofs from the ledger's JSON-RPC as soon as a settlement lands.
 */
final class Dashboard {
  private final Devnet net;
  private final Chain reader;
  private final RpcClient ledgerRpc;
  private long shownEpoch = -1;

  Dashboard(Devnet net, Chain reader) {
    this.net = net;
    this.reader = reader;
    this.ledgerRpc = new RpcClient(net.ledger().rpcUrl(), Duration.ofSeconds(5));
  }

  /** Prints the line of a new epoch and makes the claims due; returns the number of epochs settled so far. */
  long claimAndShowEpoch() throws IOException {
    long epoch = reader.currentEpoch();
    long settledThrough = reader.settlements().settledThrough();
    if (epoch != shownEpoch) {
      shownEpoch = epoch;
      claimAll();
      net.say("%s", EpochSummary.format(epoch, audits(epoch - 1), settledThrough,
          reader.settlements().cumulativeTotal(), operators()));
    }
    return settledThrough;
  }

  private String audits(long epoch) throws IOException {
    if (epoch < 0) {
      return "no audits yet";
    }
    long pass = 0;
    long fail = 0;
    long unreachable = 0;
    int reported = 0;
    for (VerifierNode v : net.verifiers()) {
      List<AuditRecord> results = v.audits().results(epoch);
      if (!results.isEmpty()) {
        reported++;
      }
      for (AuditRecord r : results) {
        if (r.outcome() == AuditOutcome.PASS) {
          pass++;
        } else if (r.outcome() == AuditOutcome.FAIL) {
          fail++;
        } else {
          unreachable++;
        }
      }
    }
    return String.format("audits of epoch %d by %d of %d verifiers: %d PASS, %d FAIL, %d UNREACHABLE", epoch,
        reported, net.verifiers().size(), pass, fail, unreachable);
  }

  /** What each operator earned (the ledger's latest settlement) and has claimed (the chain). */
  private List<EpochSummary.Operator> operators() throws IOException {
    List<EpochSummary.Operator> out = new ArrayList<>();
    for (int i = 0; i < net.operators().size(); i++) {
      Address operator = DevnetAccounts.operator(i).address();
      BigInteger earned = BigInteger.ZERO;
      try {
        earned = Hex.parseQuantity(ledgerRpc.call(MethodName.LEDGER_GET_BALANCE,
            operator.toHex()).get("cumulative").asText());
      } catch (RpcException e) {
        // nothing settled for it yet
      }
      out.add(new EpochSummary.Operator(operator.toChecksumHex(), earned, reader.settlements().claimed(operator)));
    }
    return out;
  }

  /** Claims for every operator whatever the latest settlement owes it. */
  void claimAll() throws IOException {
    for (int i = 0; i < net.operators().size(); i++) {
      claim(DevnetAccounts.operator(i).address());
    }
  }

  private void claim(Address account) throws IOException {
    ClaimProof proof;
    try {
      proof = ClaimProofJson.decode(ledgerRpc.call(MethodName.LEDGER_GET_CLAIM_PROOF, account.toHex())).orThrow();
    } catch (RpcException e) {
      return;
    }
    if (proof.cumulativeAmount().compareTo(reader.settlements().claimed(account)) <= 0) {
      return;
    }
    try (Chain claimer = net.chain().connect(DevnetAccounts.admin())) {
      claimer.settlements().claim(account, proof.cumulativeAmount(), proof.proof());
    }
  }

  static String credits(BigInteger baseUnits) {
    return new BigDecimal(baseUnits).divide(new BigDecimal(Devnet.CREDIT), 2, RoundingMode.DOWN).stripTrailingZeros()
        .toPlainString();
  }
}
