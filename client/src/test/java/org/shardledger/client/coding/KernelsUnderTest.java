package org.shardledger.client.coding;

import java.util.stream.Stream;

/** Every kernel this JVM can run, so each test covers them all. */
final class KernelsUnderTest {
  private KernelsUnderTest() {}

  static Stream<GfKernel> all() {
    return Kernels.available().stream();
  }
}
