package org.shardledger.client.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

/** Every kernel this JVM can run, so each test covers them all (the build adds the vector module to the tests). */
final class KernelsUnderTest {
  private KernelsUnderTest() {}

  static Stream<GfKernel> all() {
    assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).as("surefire adds jdk.incubator.vector")
        .isPresent();
    return Arrays.stream(CodingKernel.values()).filter(CodingKernel::available).map(CodingKernel::implementation);
  }
}
