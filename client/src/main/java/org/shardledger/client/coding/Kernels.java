package org.shardledger.client.coding;

import java.util.List;

/** Picks the kernel: the table kernel for now. */
final class Kernels {
  private Kernels() {}

  static GfKernel fastest() {
    return TableKernel.INSTANCE;
  }

  /** Every kernel this JVM can run (tests cover each). */
  static List<GfKernel> available() {
    return List.of(TableKernel.INSTANCE);
  }
}
