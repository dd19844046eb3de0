package org.shardledger.contracts.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import org.shardledger.contracts.events.ChainFields;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.contracts.tx.ContractError;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/** The operator registry: register, update, stake, exit. */
public final class Operators {
  private final LedgerBinding b;
  private final Credits credits;

  Operators(LedgerBinding binding, Credits credits) {
    this.b = binding;
    this.credits = credits;
  }

  /** Registers the signing account with {@code stake} (approving the ledger for it first). */
  public TxOutcome register(String endpoint, String region, long capacity, BigInteger stake) throws IOException {
    credits.ensureLedgerAllowance(stake);
    return b.sendToLedger("register operator at " + endpoint,
        b.ledger.register(endpoint, region, BigInteger.valueOf(capacity), stake),
        Set.of(ContractError.AlreadyRegistered));
  }

  public TxOutcome update(String endpoint, String region, long capacity) throws IOException {
    return b.sendToLedger("update operator to " + endpoint,
        b.ledger.updateOperator(endpoint, region, BigInteger.valueOf(capacity)), Set.of());
  }

  public TxOutcome addStake(BigInteger amount) throws IOException {
    credits.ensureLedgerAllowance(amount);
    return b.sendToLedger("add stake " + amount, b.ledger.addStake(amount), Set.of());
  }

  public TxOutcome beginExit() throws IOException {
    return b.sendToLedger("begin exit", b.ledger.beginExit(), Set.of(ContractError.OperatorIsExiting));
  }

  public TxOutcome withdrawStake() throws IOException {
    return b.sendToLedger("withdraw stake", b.ledger.withdrawStake(), Set.of());
  }

  /**
   * The operator's registration, or empty when it has none or when its fields do not fit the node's types (such an
   * operator is ineligible: treated as unregistered).
   */
  public Optional<OperatorInfo> get(Address operator) throws IOException {
    ShardLedger.Operator o = LedgerBinding.read(b.ledger.getOperator(operator.toHex()));
    int status = o.status.intValueExact();
    if (status == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new OperatorInfo(operator, o.stake,
          status == 1 ? OperatorInfo.Status.ACTIVE : OperatorInfo.Status.EXITING, o.endpoint, o.region,
          ChainFields.u63(o.capacity, "capacity"), ChainFields.u63(o.unbondingEndsBlock, "unbondingEndsBlock"),
          ChainFields.u31(o.activeDeals, "activeDeals"), ChainFields.u31(o.openDisputes, "openDisputes"),
          ChainFields.u63(o.registration, "registration")));
    } catch (ChainFields.DoesNotFit e) {
      return Optional.empty();
    }
  }

  /**
   * The operator's stake as it was at {@code block} (0 when not registered then): what the settlement rules cap
   * slashes by, read by the ledger and checked by each verifier at the same block. Needs a node that serves the
   * state of that block (an archive node for old blocks; any node for recent ones).
   */
  public BigInteger stakeAt(Address operator, long block) throws IOException {
    EthCall call = b.web3.ethCall(Transaction.createEthCallTransaction(null, b.deployment.ledger().toHex(),
        b.ledger.stakeOf(operator.toHex()).encodeFunctionCall()),
        DefaultBlockParameter.valueOf(BigInteger.valueOf(block))).send();
    if (call.hasError()) {
      throw new IOException("stakeOf(" + operator + ") at block " + block + ": " + call.getError().getMessage());
    }
    String value = call.getValue();
    if (value == null || value.length() < 3) {
      throw new IOException("stakeOf(" + operator + ") at block " + block + " returned nothing");
    }
    return new BigInteger(1, Hex.decode(value));
  }
}
