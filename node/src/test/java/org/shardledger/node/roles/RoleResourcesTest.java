package org.shardledger.node.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleResourcesTest {
  @Test
  void closesNewestFirstAndGoesOnPastAFailure() {
    List<String> closed = new ArrayList<>();
    RoleResources opened = new RoleResources("test");
    opened.keep(() -> closed.add("database"));
    opened.keep(() -> {
      closed.add("chain");
      throw new IOException("already gone");
    });
    AutoCloseable follower = opened.keep(() -> closed.add("follower"));
    assertThat(follower).isNotNull();
    opened.close();
    assertThat(closed).containsExactly("follower", "chain", "database");
    opened.close();
    assertThat(closed).as("closing twice closes nothing twice").hasSize(3);
  }
}
