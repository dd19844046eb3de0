package org.shardledger.contracts.chain;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.shardledger.contracts.generated.DisputeCourt;
import org.shardledger.contracts.generated.KeyRegistry;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.contracts.generated.StorageCredit;
import org.shardledger.contracts.tx.ContractError;
import org.shardledger.contracts.tx.RevertDecoder;
import org.shardledger.contracts.tx.TransactionSender;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/** What the facade's parts share: the generated bindings (for views and call encoding) and the sender. */
final class LedgerBinding {
  final Web3j web3;
  final Deployment deployment;
  final ShardLedger ledger;
  final StorageCredit credit;
  final DisputeCourt court;
  final KeyRegistry keys;
  final RevertDecoder errors;
  private final TransactionSender sender;

  LedgerBinding(Web3j web3, Deployment deployment, TransactionSender sender, RevertDecoder errors) {
    this.web3 = web3;
    this.deployment = deployment;
    this.sender = sender;
    this.errors = errors;
    String from = sender == null ? Address.ZERO.toHex() : sender.from().toHex();
    ReadonlyTransactionManager reads = new ReadonlyTransactionManager(web3, from);
    this.ledger = ShardLedger.load(deployment.ledger().toHex(), web3, reads, new DefaultGasProvider());
    this.credit = StorageCredit.load(deployment.credit().toHex(), web3, reads, new DefaultGasProvider());
    this.court = DisputeCourt.load(deployment.disputeCourt().toHex(), web3, reads, new DefaultGasProvider());
    this.keys = KeyRegistry.load(deployment.keyRegistry().toHex(), web3, reads, new DefaultGasProvider());
  }

  TransactionSender sender() {
    if (sender == null) {
      throw new IllegalStateException("this chain connection has no signing key; it can only read");
    }
    return sender;
  }

  Optional<Address> account() {
    return Optional.ofNullable(sender).map(TransactionSender::from);
  }

  TxOutcome sendToLedger(String purpose, RemoteFunctionCall<?> call, Set<ContractError> alreadyDone)
      throws IOException {
    return sender().send(purpose, deployment.ledger(), Hex.decode(call.encodeFunctionCall()), alreadyDone);
  }

  TxOutcome sendToCourt(String purpose, RemoteFunctionCall<?> call, Set<ContractError> alreadyDone) throws IOException {
    return sender().send(purpose, deployment.disputeCourt(), Hex.decode(call.encodeFunctionCall()), alreadyDone);
  }

  TxOutcome sendToKeys(String purpose, RemoteFunctionCall<?> call) throws IOException {
    return sender().send(purpose, deployment.keyRegistry(), Hex.decode(call.encodeFunctionCall()), Set.of());
  }

  TxOutcome sendToCredit(String purpose, RemoteFunctionCall<?> call) throws IOException {
    return sender().send(purpose, deployment.credit(), Hex.decode(call.encodeFunctionCall()), Set.of());
  }

  /** Runs a view; a failure to reach the node is an IOException. */
  static <T> T read(RemoteFunctionCall<T> call) throws IOException {
    try {
      return call.send();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("chain read failed: " + e.getMessage(), e);
    }
  }
}
