package org.shardledger.contracts.tx;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.chain.DeploymentFile;
import org.shardledger.protocol.crypto.Address;

/** Child JVM for {@link TransactionCrashIT}: sends one credit transfer and waits for its receipt (or a kill). */
public final class SendAndWaitMain {
  private SendAndWaitMain() {}

  public static void main(String[] args) throws Exception {
    try (Chain chain = Chain.connect(URI.create(args[0]), DeploymentFile.read(Path.of(args[1])),
        Optional.of(DevAccounts.key(Integer.parseInt(args[2]))), Path.of(args[3]), ChainTiming.local())) {
      System.out.println("CONNECTED");
      System.out.flush();
      chain.credits().transfer(Address.fromHex(args[4]), new BigInteger(args[5])).mined();
      System.out.println("MINED");
    }
  }
}
