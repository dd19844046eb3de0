package org.shardledger.node.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.chain.Deployment;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.contracts.chain.Keystores;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.contracts.deploy.Deployer;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = "Deploys the StorageCredit token and the ShardLedger contract to any EVM JSON-RPC endpoint and "
        + "writes the deployment file every role reads.")
final class DeployCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--rpc", required = true, description = "The chain's JSON-RPC endpoint, e.g. http://127.0.0.1:8545.")
  URI rpc;

  @Option(names = "--keystore", required = true, description = "Keystore v3 file of the deploying account (it "
      + "becomes the token's minter and the ledger's governor).")
  Path keystore;

  @Option(names = "--password-file", required = true, description = "File whose first line is the keystore's "
      + "password.")
  Path passwordFile;

  @Option(names = "--out", defaultValue = "deployment.json", description = "Where to write the deployment file "
      + "(default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--verifier", required = true, converter = CommandValues.AddressConverter.class,
      description = "A verifier's address; repeat for each one.")
  List<Address> verifiers;

  @Option(names = "--threshold", description = "Settlement signatures required (default: a majority of the "
      + "verifiers).")
  Integer threshold;

  @Option(names = "--epoch-length", defaultValue = "" + DeployParameters.DEFAULT_EPOCH_LENGTH,
      description = "Blocks per epoch (default: ${DEFAULT-VALUE}).")
  long epochLength;

  @Option(names = "--answer-window", defaultValue = "" + DeployParameters.DEFAULT_ANSWER_WINDOW,
      description = "Blocks an operator has to answer a dispute, 1-255 (default: ${DEFAULT-VALUE}).")
  long answerWindow;

  @Option(names = "--settlement-lag", description = "Blocks after an epoch's end by which it is settled "
      + "(default: 4 epochs).")
  Long settlementLag;

  @Option(names = "--unbonding", description = "Blocks an exiting operator waits for its stake (default: dispute "
      + "window + settlement lag + 32).")
  Long unbonding;

  @Option(names = "--max-deal-epochs", description = "Longest deal, in epochs from its proposal (default: 2^20).")
  Long maxDealEpochs;

  @Option(names = "--max-shard-size", description = "Largest shard, in bytes (default: 2^40, 1 TiB).")
  Long maxShardSize;

  @Option(names = "--max-capacity", description = "Largest capacity an operator may advertise, in bytes "
      + "(default: 2^56, 64 PiB).")
  Long maxCapacity;

  @Option(names = "--min-stake", defaultValue = "" + DeployParameters.DEFAULT_MIN_STAKE_CREDITS,
      description = "Least stake, in credits (default: "
      + "${DEFAULT-VALUE}).")
  BigDecimal minStake;

  @Option(names = "--dispute-bond", defaultValue = "" + DeployParameters.DEFAULT_DISPUTE_BOND_CREDITS,
      description = "Dispute bond, in credits (default: "
      + "${DEFAULT-VALUE}).")
  BigDecimal disputeBond;

  @Option(names = "--dispute-slash", defaultValue = "" + DeployParameters.DEFAULT_DISPUTE_SLASH_CREDITS,
      description = "Stake an unanswered dispute takes and burns, in credits (default: ${DEFAULT-VALUE}); the "
      + "disputer gets its bond back, nothing of the stake.")
  BigDecimal disputeSlash;

  @Override
  public Integer call() throws Exception {
    KeyPair admin = Keystores.load(keystore, passwordFile);
    long lag = settlementLag != null ? settlementLag : DeployParameters.defaultSettlementLag(epochLength);
    long unbond = unbonding != null ? unbonding : DeployParameters.defaultUnbonding(answerWindow, lag);
    int t = threshold != null ? threshold : DeployParameters.majority(verifiers.size());
    DeployParameters parameters = new DeployParameters(epochLength, answerWindow, lag, unbond,
        maxDealEpochs != null ? maxDealEpochs : DeployParameters.DEFAULT_MAX_DEAL_EPOCHS,
        maxShardSize != null ? maxShardSize : DeployParameters.DEFAULT_MAX_SHARD_SIZE,
        maxCapacity != null ? maxCapacity : DeployParameters.DEFAULT_MAX_CAPACITY, credits(minStake),
        credits(disputeBond), credits(disputeSlash), BigInteger.ZERO, verifiers, t);
    Path journal = out.toAbsolutePath().resolveSibling(out.getFileName() + ".journal");
    Deployment deployment = Deployer.deploy(rpc, admin, parameters, journal, ChainTiming.remote().withLocalPolling(rpc));
    DeploymentFile.write(out, deployment);
    spec.commandLine().getOut().printf("deployed on chain %d: ledger %s, credit %s, dispute court %s, key registry "
        + "%s; %d-of-%d verifiers; epochs of %d blocks from block %d%nwrote %s%n", deployment.chainId(),
        deployment.ledger(), deployment.credit(), deployment.disputeCourt(), deployment.keyRegistry(), t,
        verifiers.size(), deployment.epochLength(), deployment.genesisBlock(), out);
    return 0;
  }

  static BigInteger credits(BigDecimal whole) {
    return whole.multiply(new BigDecimal(DeployParameters.CREDIT)).toBigIntegerExact();
  }
}
