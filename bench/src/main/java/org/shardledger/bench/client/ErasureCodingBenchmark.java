package org.shardledger.bench.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reed-Solomon encode and decode, ours (each kernel) against hadoop-common's Java coder (the same Cauchy code) in the
 * same run, on one thread ({@link CodingWorkload}). The score counts bytes of data, in ops/ns: GB/s per core.
 * {@link ErasureCodingCpuBench} measures the same by CPU time, for a machine that is not idle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class ErasureCodingBenchmark {
  @Param({"4+2", "10+4"})
  String code;

  @Param({"VECTOR", "TABLES", "hadoop"})
  String coder;

  CodingWorkload workload;

  @Setup
  public void setUp() throws IOException {
    workload = new CodingWorkload(code, coder);
  }

  @Benchmark
  @OperationsPerInvocation(CodingWorkload.DATA)
  public Object encode() throws IOException {
    return workload.encode();
  }

  /** Rebuilds data shards 0..m-1 from the other k. */
  @Benchmark
  @OperationsPerInvocation(CodingWorkload.DATA)
  public Object decode() throws IOException {
    return workload.decode();
  }
}
