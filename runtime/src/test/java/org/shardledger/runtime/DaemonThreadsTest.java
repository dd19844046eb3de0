package org.shardledger.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
  @Test
  void namedThreadsAreDaemonsWithTheName() {
    Thread t = DaemonThreads.named("wire-client-io").newThread(() -> {});
    assertThat(t.getName()).isEqualTo("wire-client-io");
    assertThat(t.isDaemon()).isTrue();
  }

  @Test
  void numberedThreadsCountFromOne() {
    ThreadFactory threads = DaemonThreads.numbered("prover-work");
    assertThat(threads.newThread(() -> {}).getName()).isEqualTo("prover-work-1");
    assertThat(threads.newThread(() -> {}).getName()).isEqualTo("prover-work-2");
    assertThat(threads.newThread(() -> {}).isDaemon()).isTrue();
  }
}
