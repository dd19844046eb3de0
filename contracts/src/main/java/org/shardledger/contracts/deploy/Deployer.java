package org.shardledger.contracts.deploy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.generated.KeyRegistry;
import org.shardledger.contracts.generated.ShardLedger;
import org.shardledger.contracts.generated.StorageCredit;
import org.shardledger.contracts.tx.RevertDecoder;
import org.shardledger.contracts.tx.TransactionJournal;
import org.shardledger.contracts.tx.TransactionSender;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deploys StorageCredit and ShardLedger to any EVM JSON-RPC endpoint, through the journaled sender. */
public final class Deployer {
  private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);

  private Deployer() {}

  /** Deploys with {@code admin} as the token's admin and minter and the ledger's admin and governor. */
  public static Deployment deploy(URI rpc, KeyPair admin, DeployParameters p, Path journalDir, ChainTiming timing)
      throws IOException {
    try {
      return deployOnce(rpc, admin, p, journalDir, timing);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("deployment failed: " + e.getMessage(), e);
    }
  }

  private static Deployment deployOnce(URI rpc, KeyPair admin, DeployParameters p, Path journalDir,
      ChainTiming timing) throws Exception {
    Web3j web3 = Web3j.build(new HttpService(rpc.toString()));
    try (TransactionJournal journal = TransactionJournal.open(journalDir, admin.address())) {
      long chainId = web3.ethChainId().send().getChainId().longValueExact();
      TransactionSender sender = new TransactionSender(web3, admin, chainId, journal,
          RevertDecoder.forProjectContracts(), timing.pollInterval(), timing.receiptTimeout());

      String creditArgs = FunctionEncoder.encodeConstructor(List.<Type>of(
          new org.web3j.abi.datatypes.Address(admin.address().toHex())));
      TxOutcome.Mined credit = sender.send("deploy StorageCredit", null,
          Hex.decode(StorageCredit.BINARY + creditArgs), Set.of()).mined();

      long genesis = web3.ethBlockNumber().send().getBlockNumber().longValueExact();
      List<org.web3j.abi.datatypes.Address> verifiers = p.verifiers().stream().sorted()
          .map(a -> new org.web3j.abi.datatypes.Address(a.toHex())).toList();
      String ledgerArgs = FunctionEncoder.encodeConstructor(List.<Type>of(
          new org.web3j.abi.datatypes.Address(credit.contractAddress().toHex()),
          new org.web3j.abi.datatypes.Address(admin.address().toHex()),
          new Uint64(genesis), new Uint64(p.epochLength()), new Uint64(p.answerWindow()),
          new Uint64(p.settlementLagBlocks()), new Uint64(p.unbondingBlocks()),
          new ShardLedger.Bounds(BigInteger.valueOf(p.maxDealEpochs()), BigInteger.valueOf(p.maxShardSize()),
              BigInteger.valueOf(p.maxCapacity())),
          new ShardLedger.Economics(p.minStake(), p.disputeBond(), p.disputeSlash(), p.disputeReward()),
          new DynamicArray<>(org.web3j.abi.datatypes.Address.class, verifiers),
          new Uint8(BigInteger.valueOf(p.threshold()))));
      TxOutcome.Mined ledger = sender.send("deploy ShardLedger", null,
          Hex.decode(ShardLedger.BINARY + ledgerArgs), Set.of()).mined();
      TxOutcome.Mined keys = sender.send("deploy KeyRegistry", null, Hex.decode(KeyRegistry.BINARY), Set.of())
          .mined();
      Address court = Address.fromHex(ShardLedger.load(ledger.contractAddress().toHex(), web3,
          new ReadonlyTransactionManager(web3, admin.address().toHex()), new DefaultGasProvider()).disputeCourt()
          .send());
      Deployment deployment = new Deployment(chainId, ledger.contractAddress(), credit.contractAddress(), court,
          keys.contractAddress(), credit.blockNumber(), genesis, p.epochLength());
      LOG.info("deployed ShardLedger at {} (its DisputeCourt at {}), StorageCredit at {} and KeyRegistry at {} on "
          + "chain {} (genesis block {}, {} blocks per epoch)", deployment.ledger(), court, deployment.credit(),
          deployment.keyRegistry(), chainId, genesis, p.epochLength());
      return deployment;
    } finally {
      web3.shutdown();
    }
  }
}
