package org.shardledger.protocol.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BeaconWindowTest {
  @Test
  void aBlockHashIsReadableFromTheNextBlockUntil256BlocksLater() {
    assertThat(BeaconWindow.readable(1000, 1000)).as("not in its own block").isFalse();
    assertThat(BeaconWindow.readable(1000, 1001)).isTrue();
    assertThat(BeaconWindow.readable(1000, 1256)).as("256 blocks back: in").isTrue();
    assertThat(BeaconWindow.readable(1000, 1257)).as("257 blocks back: out").isFalse();
    assertThat(BeaconWindow.lastReadableIn(1000)).isEqualTo(1256);
    assertThat(BeaconWindow.oldestReadableIn(1257)).isEqualTo(1001);
    assertThat(BeaconWindow.oldestReadableIn(100)).isZero();
  }

  @Test
  void theWindowIsClosedOnceItsLastBlockIsSeen() {
    assertThat(BeaconWindow.closed(1000, 1255)).isFalse();
    assertThat(BeaconWindow.closed(1000, 1256)).as("the last block that could record it is seen").isTrue();
    assertThat(BeaconWindow.closed(1000, 5000)).isTrue();
  }

  @Test
  void refusesNegativeBlocks() {
    assertThatThrownBy(() -> BeaconWindow.readable(-1, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
