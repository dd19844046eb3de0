package org.shardledger.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoopRunnerTest {
  private static final LoopRunner.Failures IGNORE = (e, retry) -> {};

  @Test
  void runsTheStepAgainAfterEachPauseOnANamedDaemonThread() throws Exception {
    CountDownLatch three = new CountDownLatch(3);
    AtomicReference<Thread> thread = new AtomicReference<>();
    try (LoopRunner loops = new LoopRunner()) {
      loops.start(LoopSpec.every("test-loop", Duration.ofMillis(5)), () -> {
        thread.set(Thread.currentThread());
        three.countDown();
      }, IGNORE);
      assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(loops.names()).containsExactly("test-loop");
    }
    assertThat(thread.get().getName()).isEqualTo("test-loop");
    assertThat(thread.get().isDaemon()).isTrue();
    assertThat(thread.get().isAlive()).isFalse();
  }

  @Test
  void reportsEachFailureWithAWaitThatDoublesUpToTheCap() throws Exception {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    List<String> messages = new CopyOnWriteArrayList<>();
    CountDownLatch five = new CountDownLatch(5);
    try (LoopRunner loops = new LoopRunner()) {
      loops.start(LoopSpec.every("failing", Duration.ofMillis(1)).backingOffTo(Duration.ofMillis(4)), () -> {
        throw new IOException("chain down");
      }, (e, retry) -> {
        messages.add(e.getMessage());
        waits.add(retry);
        five.countDown();
      });
      assertThat(five.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(waits.subList(0, 5)).extracting(Duration::toMillis).containsExactly(1L, 2L, 4L, 4L, 4L);
    assertThat(messages).allMatch("chain down"::equals);
  }

  @Test
  void aRunThatGoesWellResetsTheBackoff() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    List<Long> waits = new CopyOnWriteArrayList<>();
    CountDownLatch four = new CountDownLatch(4);
    try (LoopRunner loops = new LoopRunner()) {
      loops.start(LoopSpec.every("flaky", Duration.ofMillis(1)).backingOffTo(Duration.ofSeconds(1)), () -> {
        if (runs.incrementAndGet() != 3) {
          throw new IOException("no");
        }
      }, (e, retry) -> {
        waits.add(retry.toMillis());
        four.countDown();
      });
      assertThat(four.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(waits.subList(0, 4)).containsExactly(1L, 2L, 1L, 2L);
  }

  @Test
  void aPacedStepChoosesItsOwnWait() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    try (LoopRunner loops = new LoopRunner()) {
      loops.startPaced(LoopSpec.every("paced", Duration.ofHours(1)), () -> {
        runs.incrementAndGet();
        return Duration.ZERO;
      }, IGNORE);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (runs.get() < 50 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
    }
    assertThat(runs.get()).isGreaterThanOrEqualTo(50);
  }

  @Test
  void closingCutsALongPauseShortWithoutInterruptingTheStep() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    AtomicReference<Boolean> interrupted = new AtomicReference<>(false);
    LoopRunner loops = new LoopRunner();
    loops.start(LoopSpec.every("slow", Duration.ofHours(1)), () -> {
      interrupted.set(Thread.currentThread().isInterrupted());
      ran.countDown();
    }, IGNORE);
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    long started = System.nanoTime();
    loops.close();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(interrupted.get()).isFalse();
    assertThat(loops.running()).isFalse();
  }

  @Test
  void closingInterruptsABlockedRunOnlyWhenTheSpecAsksForIt() throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    LoopRunner loops = new LoopRunner();
    loops.start(LoopSpec.every("blocking", Duration.ZERO).interruptedOnStop(), () -> {
      blocked.countDown();
      try {
        new CountDownLatch(1).await();
      } finally {
        ended.countDown();
      }
    }, IGNORE);
    assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
    loops.close();
    assertThat(ended.await(1, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void waitsTheFirstDelayBeforeTheFirstRun() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    try (LoopRunner loops = new LoopRunner()) {
      loops.start(LoopSpec.every("later", Duration.ZERO).startingAfter(Duration.ofHours(1)), runs::incrementAndGet,
          IGNORE);
      Thread.sleep(100);
    }
    assertThat(runs.get()).isZero();
  }

  @Test
  void anInterruptedStepEndsItsLoopAndNotTheOthers() throws Exception {
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    CountDownLatch otherRan = new CountDownLatch(3);
    try (LoopRunner loops = new LoopRunner()) {
      loops.start(LoopSpec.every("interrupted", Duration.ZERO), () -> {
        throw new InterruptedException();
      }, (e, retry) -> failures.incrementAndGet());
      loops.start(LoopSpec.every("other", Duration.ofMillis(1)), () -> {
        other.incrementAndGet();
        otherRan.countDown();
      }, IGNORE);
      assertThat(otherRan.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(failures.get()).isZero();
  }

  @Test
  void refusesLoopsAfterItWasClosed() {
    LoopRunner loops = new LoopRunner();
    loops.close();
    assertThatThrownBy(() -> loops.start(LoopSpec.every("late", Duration.ZERO), () -> {}, IGNORE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesASpecWhoseCapIsBelowItsPause() {
    assertThatThrownBy(() -> LoopSpec.every("x", Duration.ofSeconds(2)).backingOffTo(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LoopSpec.every(" ", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
