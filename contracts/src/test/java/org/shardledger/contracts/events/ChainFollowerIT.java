package org.shardledger.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.contracts.anvil.AnvilBinary;
import org.shardledger.contracts.anvil.AnvilConfig;
import org.shardledger.contracts.anvil.DevAccounts;
import org.shardledger.contracts.anvil.LocalChain;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.ChainTiming;
import org.shardledger.contracts.deploy.DeployParameters;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;

/** The follower on a real Anvil, with reorgs made by snapshot and revert. */
class ChainFollowerIT {
  static final int CONFIRMATIONS = 3;

  @TempDir
  static Path dir;
  static LocalChain local;
  static Chain admin;

  final List<ChainEvent> seen = new ArrayList<>();
  CursorStore cursor;
  ChainFollower follower;

  @BeforeAll
  static void start() throws Exception {
    local = LocalChain.start(AnvilConfig.defaults(AnvilBinary.require(Path.of("")), dir),
        DeployParameters.local(5, List.of(DevAccounts.key(9).address()), 1));
    admin = local.connect(DevAccounts.key(0));
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close();
    local.close();
  }

  @BeforeEach
  void newFollower() {
    cursor = CursorStore.inMemory();
    follower = admin.follow(CONFIRMATIONS, cursor, (events, upTo) -> seen.addAll(events), ChainTiming.local());
  }

  static Address addVerifier() throws Exception {
    Address verifier = KeyPair.random(new java.security.SecureRandom()).address();
    admin.settlements().updateVerifiers(List.of(verifier), List.of(), 1).mined();
    return verifier;
  }

  /** Buries and delivers everything so far (the deployment, earlier tests), then forgets it. */
  void drainHistory() throws Exception {
    local.rpc().mine(CONFIRMATIONS);
    catchUp();
    seen.clear();
  }

  void catchUp() throws Exception {
    while (follower.pollOnce() > 0) {
      // until nothing is buried deep enough
    }
  }

  List<Address> addedVerifiers() {
    return seen.stream().filter(e -> e instanceof ChainEvent.VerifierAdded)
        .map(e -> ((ChainEvent.VerifierAdded) e).verifier()).toList();
  }

  @Test
  void eventsArriveInOrderOnlyOnceBuriedAndExactlyOnce() throws Exception {
    drainHistory();
    Address a = addVerifier();
    Address b = addVerifier();
    catchUp();
    assertThat(addedVerifiers()).as("not yet buried under %d blocks", CONFIRMATIONS).doesNotContain(b);
    local.rpc().mine(CONFIRMATIONS);
    catchUp();
    catchUp();
    assertThat(addedVerifiers()).containsExactly(a, b);
    long buried = admin.blockNumber() - CONFIRMATIONS;
    assertThat(seen).allMatch(e -> e.origin().blockNumber() <= buried);
  }

  @Test
  void aReorgShallowerThanTheConfirmationDepthDeliversEachSurvivingEventOnce() throws Exception {
    drainHistory();
    Address before = addVerifier();
    local.rpc().mine(CONFIRMATIONS);
    catchUp();
    String snapshot = local.rpc().snapshot();
    Address orphaned = addVerifier();
    local.rpc().mine(1);
    catchUp();
    assertThat(local.rpc().revert(snapshot)).isTrue();
    Address after = addVerifier();
    local.rpc().mine(CONFIRMATIONS + 1);
    catchUp();

    assertThat(addedVerifiers()).containsExactly(before, after);
    assertThat(addedVerifiers()).doesNotContain(orphaned);
    assertThat(seen).noneMatch(e -> e instanceof ChainEvent.Reorged);
  }

  @Test
  void aReorgDeeperThanTheConfirmationDepthIsReportedAndTheFollowerRecovers() throws Exception {
    drainHistory();
    String snapshot = local.rpc().snapshot();
    Address gone = addVerifier();
    local.rpc().mine(CONFIRMATIONS + 2);
    catchUp();
    assertThat(addedVerifiers()).contains(gone);

    assertThat(local.rpc().revert(snapshot)).isTrue();
    local.rpc().mine(CONFIRMATIONS + 4);
    Address replacement = addVerifier();
    local.rpc().mine(CONFIRMATIONS + 1);
    catchUp();

    assertThat(seen).anyMatch(e -> e instanceof ChainEvent.Reorged);
    int reorgAt = indexOfReorg();
    List<Address> afterReorg = seen.subList(reorgAt, seen.size()).stream()
        .filter(e -> e instanceof ChainEvent.VerifierAdded).map(e -> ((ChainEvent.VerifierAdded) e).verifier())
        .toList();
    assertThat(afterReorg).as("everything again from the deployment, without what the reorg removed")
        .contains(replacement).doesNotContain(gone);
  }

  @Test
  void aRestartedFollowerResumesFromItsCursorWithoutRepeating() throws Exception {
    drainHistory();
    Address first = addVerifier();
    local.rpc().mine(CONFIRMATIONS);
    catchUp();
    List<ChainEvent> secondRun = new ArrayList<>();
    ChainFollower restarted = admin.follow(CONFIRMATIONS, cursor, (events, upTo) -> secondRun.addAll(events),
        ChainTiming.local());
    Address second = addVerifier();
    local.rpc().mine(CONFIRMATIONS);
    while (restarted.pollOnce() > 0) {
      // catch up
    }
    assertThat(addedVerifiers()).contains(first);
    assertThat(secondRun.stream().filter(e -> e instanceof ChainEvent.VerifierAdded)
        .map(e -> ((ChainEvent.VerifierAdded) e).verifier()).toList()).containsExactly(second);
  }

  @Test
  void theBackgroundThreadDeliversToo() throws Exception {
    catchUp();
    Address added = addVerifier();
    local.rpc().mine(CONFIRMATIONS);
    List<ChainEvent> live = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ChainFollower background = admin.follow(CONFIRMATIONS, cursor, (events, upTo) -> live.addAll(events),
        ChainTiming.local())) {
      background.start();
      long deadline = System.currentTimeMillis() + 10_000;
      while (live.stream().noneMatch(e -> e instanceof ChainEvent.VerifierAdded v && v.verifier().equals(added))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
    }
    assertThat(live).anyMatch(e -> e instanceof ChainEvent.VerifierAdded v && v.verifier().equals(added));
  }

  private int indexOfReorg() {
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i) instanceof ChainEvent.Reorged) {
        return i;
      }
    }
    return -1;
  }
}
