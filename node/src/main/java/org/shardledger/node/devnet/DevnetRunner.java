package org.shardledger.node.devnet;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.concurrent.CountDownLatch;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.crypto.Address;

/**
 * Starts the network, shows it epoch by epoch, and stops it on Ctrl-C — or, with a number of epochs to settle,
 * stops by itself and says whether the operators were paid for what they stored.
 */
public final class DevnetRunner {
  private DevnetRunner() {}

  /** Runs the network; returns true when it stopped as asked with every operator paid (always true on Ctrl-C). */
  public static boolean run(DevnetConfig config, PrintWriter out) throws Exception {
    return run(config, out, true);
  }

  /** As above; the roles' logs go to files under the data directory, and to the console too when verbose. */
  public static boolean run(DevnetConfig config, PrintWriter out, boolean verbose) throws Exception {
    try (DevnetLogs logs = DevnetLogs.start(config.dataDir(), DevnetLogs.roles(config), verbose)) {
      DevnetGuide.logs(out, logs.files(), config.dataDir().resolve("anvil").resolve("anvil.log"), verbose);
      return runNetwork(config, out);
    }
  }

  private static boolean runNetwork(DevnetConfig config, PrintWriter out) throws Exception {
    Devnet net = new Devnet(config, out);
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      net.say("stopping the network");
      net.close();
      done.countDown();
    }, "devnet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      net.start();
      DevnetGuide.print(out, net);
      net.say("the network is up; a block per epoch follows. Ctrl-C stops everything.");
      try (Chain reader = net.chain().connectReadOnly()) {
        Dashboard dashboard = new Dashboard(net, reader);
        while (done.getCount() > 0) {
          long settled = dashboard.claimAndShowEpoch();
          if (config.settledEpochs() > 0 && settled >= lastDealStart(reader, net) + config.settledEpochs()) {
            dashboard.claimAll();
            return summary(net, reader);
          }
          Thread.sleep(500);
        }
        return true;
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
        net.close();
      } catch (IllegalStateException e) {
        // shutting down already: the hook closes the network
      }
    }
  }

  /** The epoch from which every deal of the owner runs. */
  private static long lastDealStart(Chain reader, Devnet net) throws java.io.IOException {
    long start = 0;
    for (long id : net.deals()) {
      start = Math.max(start, reader.deals().get(id).orElseThrow().deal().firstEpoch());
    }
    return start;
  }

  private static boolean summary(Devnet net, Chain reader) throws java.io.IOException {
    boolean allPaid = true;
    for (int i = 0; i < net.operators().size(); i++) {
      Address operator = DevnetAccounts.operator(i).address();
      BigInteger claimed = reader.settlements().claimed(operator);
      net.say("operator %s claimed %s credits on chain", operator, Dashboard.credits(claimed));
      allPaid &= claimed.signum() > 0;
    }
    net.say(allPaid ? "every operator was paid for the epochs it proved" : "NOT every operator was paid");
    return allPaid;
  }
}
