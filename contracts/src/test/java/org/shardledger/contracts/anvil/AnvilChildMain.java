package org.shardledger.contracts.anvil;

import java.nio.file.Path;

/** Runs in a child JVM for {@link AnvilProcessTest}: starts anvil, prints its port, then waits to be killed. */
public final class AnvilChildMain {
  private AnvilChildMain() {}

  public static void main(String[] args) throws Exception {
    AnvilProcess anvil = AnvilProcess.start(AnvilConfig.defaults(Path.of(args[0]), Path.of(args[1])));
    System.out.println("PORT " + anvil.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
