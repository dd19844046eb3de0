package org.shardledger.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a role's background loops, each on its own named daemon thread: a step, then a pause, until stopped. A
 * step that throws is reported with the wait before its retry, and the waits back off while it keeps failing
 * ({@link LoopSpec}); an {@link InterruptedException} ends the loop. {@link #close} stops every loop it started,
 * waking their pauses, and waits for each to finish its run.
 */
public final class LoopRunner implements AutoCloseable {
  /** One run of a loop. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  /** One run of a loop that chooses the wait before the next run itself. */
  @FunctionalInterface
  public interface PacedStep {
    Duration run() throws Exception;
  }

  /** Where a loop's failures go: a status log, with the wait before the retry. */
  @FunctionalInterface
  public interface Failures {
    void failed(Exception e, Duration retryIn);
  }

  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final List<RunningLoop> loops = new ArrayList<>();
  private volatile boolean running = true;

  /** Runs {@code action}, then waits the spec's pause. */
  public synchronized void start(LoopSpec spec, Action action, Failures failures) {
    startPaced(spec, () -> {
      action.run();
      return spec.pause();
    }, failures);
  }

  /** Runs {@code step}, then waits what it returned. */
  public synchronized void startPaced(LoopSpec spec, PacedStep step, Failures failures) {
    if (!running) {
      throw new IllegalStateException("the loops were stopped");
    }
    RunningLoop loop = new RunningLoop(spec, step, failures);
    loops.add(loop);
    loop.thread.start();
  }

  /** False once {@link #close} began: a step that loops by itself checks it between rounds. */
  public boolean running() {
    return running;
  }

  /** The names of the loops started, in order. */
  public synchronized List<String> names() {
    return loops.stream().map(l -> l.spec.name()).toList();
  }

  @Override
  public void close() {
    List<RunningLoop> stopping;
    synchronized (this) {
      running = false;
      stopping = List.copyOf(loops);
      loops.clear();
    }
    for (RunningLoop loop : stopping) {
      loop.stop();
    }
    for (RunningLoop loop : stopping) {
      loop.await();
    }
  }

  private final class RunningLoop {
    private final LoopSpec spec;
    private final PacedStep step;
    private final Failures failures;
    private final Backoff backoff;
    private final Thread thread;

    RunningLoop(LoopSpec spec, PacedStep step, Failures failures) {
      this.spec = spec;
      this.step = step;
      this.failures = failures;
      this.backoff = new Backoff(spec.pause(), spec.maxBackoff());
      this.thread = DaemonThreads.daemon(this::loop, spec.name());
    }

    private void loop() {
      if (!pause(spec.firstDelay())) {
        return;
      }
      while (running) {
        Duration wait;
        try {
          wait = step.run();
          backoff.reset();
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          if (!running) {
            return;
          }
          wait = backoff.next();
          failures.failed(e, wait);
        }
        if (!pause(wait)) {
          return;
        }
      }
    }

    /** Waits without an interrupt (stopping wakes it); false once stopped. */
    private synchronized boolean pause(Duration wait) {
      long until = System.nanoTime() + wait.toNanos();
      try {
        for (long left = wait.toNanos(); running && left > 0; left = until - System.nanoTime()) {
          wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        return false;
      }
      return running;
    }

    void stop() {
      synchronized (this) {
        notifyAll();
      }
      if (spec.interruptOnStop()) {
        thread.interrupt();
      }
    }

    void await() {
      try {
        thread.join(STOP_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
