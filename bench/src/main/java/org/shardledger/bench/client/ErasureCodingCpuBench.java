package org.shardledger.bench.client;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * {@link ErasureCodingBenchmark}'s comparison timed by the thread's CPU time instead of the wall clock, so it holds on
 * a machine shared with other work: GB/s per core for each coder, and ours against hadoop's Java coder measured in
 * the same run. Usage: {@code bin/bench main client.ErasureCodingCpuBench [secondsPerRound] [rounds]}.
 */
public final class ErasureCodingCpuBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ErasureCodingCpuBench() {}

  interface Op {
    Object run() throws IOException;
  }

  public static void main(String[] args) throws IOException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.printf("RS coding, one thread, GB/s of data per second of CPU (median of %d rounds of %.1f s)%n",
        rounds, seconds);
    for (String code : List.of("4+2", "10+4")) {
      for (String op : List.of("encode", "decode")) {
        double hadoop = 0;
        for (String coder : List.of("hadoop", "TABLES", "VECTOR")) {
          CodingWorkload w = new CodingWorkload(code, coder);
          Op run = op.equals("encode") ? w::encode : w::decode;
          double gbps = measure(run, seconds, rounds);
          if (coder.equals("hadoop")) {
            hadoop = gbps;
            System.out.printf("%-5s %-6s %-7s %6.2f GB/s%n", code, op, coder, gbps);
          } else {
            System.out.printf("%-5s %-6s %-7s %6.2f GB/s  %5.1fx hadoop%n", code, op, coder, gbps, gbps / hadoop);
          }
        }
      }
    }
  }

  private static double measure(Op op, double seconds, int rounds) throws IOException {
    long budget = (long) (seconds * 1e9);
    runFor(op, 2 * budget);
    double[] results = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      results[r] = runFor(op, budget);
    }
    Arrays.sort(results);
    return results[rounds / 2];
  }

  /** Runs for about {@code cpuNanos} of this thread's CPU time; returns bytes per CPU nanosecond (GB/s). */
  private static double runFor(Op op, long cpuNanos) throws IOException {
    long start = THREADS.getCurrentThreadCpuTime();
    long bytes = 0;
    long used;
    do {
      op.run();
      bytes += CodingWorkload.DATA;
      used = THREADS.getCurrentThreadCpuTime() - start;
    } while (used < cpuNanos);
    return bytes / (double) used;
  }
}
