package org.shardledger.node.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleLifecycleTest {
  final List<String> said = new ArrayList<>();

  RoleLifecycle lifecycle(RoleLifecycle.Step follower, RoleLifecycle.Step node) {
    RoleResources opened = new RoleResources("test");
    opened.keep(() -> said.add("database closed"));
    return new RoleLifecycle(opened, follower, node, () -> said.add("node stopped"));
  }

  @Test
  void startsTheFollowerThenTheNodeAndStopsTheNodeThenWhatWasOpenedOnce() throws IOException {
    RoleLifecycle role = lifecycle(() -> said.add("follower started"), () -> said.add("node started"));
    role.start();
    role.close();
    role.close();
    assertThat(said).containsExactly("follower started", "node started", "node stopped", "database closed");
  }

  @Test
  void aNodeThatFailsToStartLeavesNothingOpen() {
    RoleLifecycle role = lifecycle(() -> said.add("follower started"), () -> {
      throw new IOException("port in use");
    });
    assertThatThrownBy(role::start).isInstanceOf(IOException.class).hasMessage("port in use");
    assertThat(said).containsExactly("follower started", "node stopped", "database closed");
  }

  @Test
  void aFollowerThatFailsToStartClosesWhatTheFactoryOpened() {
    RoleLifecycle role = lifecycle(() -> {
      throw new IllegalStateException("no chain");
    }, () -> said.add("node started"));
    assertThatThrownBy(role::start).isInstanceOf(IllegalStateException.class);
    assertThat(said).containsExactly("node stopped", "database closed");
  }
}
