package org.shardledger.node.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
  @TempDir
  Path dir;

  @Test
  void aRoleOnADataDirectoryThatALiveProcessHoldsRefusesAndTakesItOnceThatProcessIsKilled() throws Exception {
    Path data = dir.resolve("ledger");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LockHolderMain.class.getName(), data.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("LOCKED");
      assertThatThrownBy(() -> RoleResources.lockedIn("ledger", data))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(data.toString())
          .hasMessageContaining("in use by another running process")
          .hasMessageContaining(data.resolve("lock").toString());
      Files.writeString(data.resolve("keep.txt"), "untouched");
      holder.destroyForcibly();
      assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
      try (RoleResources mine = RoleResources.lockedIn("ledger", data)) {
        assertThat(Files.readString(data.resolve("keep.txt"))).as("the refusal touched nothing")
            .isEqualTo("untouched");
      }
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void aSecondRoleInTheSameProcessRefusesUntilTheFirstStops() throws Exception {
    Path data = dir.resolve("verifier");
    RoleResources first = RoleResources.lockedIn("verifier", data);
    assertThatThrownBy(() -> RoleResources.lockedIn("verifier", data)).isInstanceOf(IOException.class)
        .hasMessageContaining("in use");
    first.close();
    RoleResources.lockedIn("verifier", data).close();
  }
}
