package org.shardledger.node.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.contracts.generated.StorageCredit;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * What a stranger can send for the price of gas, with the raw bindings: uint64 values the node's Java types cannot
 * hold (the project's own {@code Chain} facade only takes {@code long}s). Test code only.
 */
final class HostileTransactions implements AutoCloseable {
  static final BigInteger TWO_64 = BigInteger.TWO.pow(64);
  static final BigInteger TWO_63 = BigInteger.TWO.pow(63);

  private static final long RECEIPT_POLL_MILLIS = 100;
  private static final int RECEIPT_POLLS = 600;

  private final Web3j web3;
  private final ShardLedger ledger;
  private final StorageCredit credit;
  private final Deployment deployment;

  HostileTransactions(URI rpc, Deployment deployment, KeyPair attacker) {
    this.web3 = Web3j.build(new HttpService(rpc.toString()));
    this.deployment = deployment;
    Credentials credentials = Credentials.create(ECKeyPair.create(attacker.privateKey()));
    // web3j's default receipt processor polls every 15 s: each hostile transaction then cost 15 s of the suite
    var tx = new RawTransactionManager(web3, credentials, deployment.chainId(),
        new PollingTransactionReceiptProcessor(web3, RECEIPT_POLL_MILLIS, RECEIPT_POLLS));
    var gas = new StaticGasProvider(BigInteger.valueOf(5_000_000_000L), BigInteger.valueOf(3_000_000));
    this.ledger = ShardLedger.load(deployment.ledger().toHex(), web3, tx, gas);
    this.credit = StorageCredit.load(deployment.credit().toHex(), web3, tx, gas);
  }

  /** A proposal at price 0 (no escrow) with raw uint64 size and epochs. */
  boolean propose(Address operator, BigInteger size, BigInteger firstEpoch, BigInteger lastEpoch)
      throws IOException {
    send(ledger.propose(operator.toHex(), new byte[32], size, BigInteger.valueOf(4096), BigInteger.valueOf(4),
        BigInteger.ZERO, firstEpoch, lastEpoch));
    return true;
  }

  /** Registers the attacker with a raw uint64 capacity (approving the stake first). */
  boolean register(String endpoint, BigInteger capacity, BigInteger stake) throws IOException {
    send(credit.approve(deployment.ledger().toHex(), stake));
    send(ledger.register(endpoint, "nowhere", capacity, stake));
    return true;
  }

  private static TransactionReceipt send(org.web3j.protocol.core.RemoteFunctionCall<TransactionReceipt> call)
      throws IOException {
    try {
      TransactionReceipt r = call.send();
      if (!r.isStatusOK()) {
        throw new IOException("reverted: " + r.getRevertReason());
      }
      return r;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    web3.shutdown();
  }
}
