package org.shardledger.bench.client;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawDecoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawEncoder;
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
import org.shardledger.client.coding.CodingKernel;
import org.shardledger.client.coding.ReedSolomon;

/**
 * Reed-Solomon encode and decode, ours (each kernel) against hadoop-common's Java coder (the same Cauchy code) in the
 * same run, on one thread. Every invocation codes 2560 KiB of data (whole stripes of 64 KiB shares); the score is in
 * bytes of data per nanosecond, i.e. GB/s per core. Decode erases m data shards, so it really decodes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class ErasureCodingBenchmark {
  static final int SHARE = 64 * 1024;
  static final int DATA_PER_OP = 2560 * 1024;

  @Param({"4+2", "10+4"})
  String code;

  @Param({"VECTOR", "TABLES", "hadoop"})
  String coder;

  int k;
  int m;
  int stripes;
  byte[][][] shares;
  ReedSolomon ours;
  RSRawEncoder hadoopEncoder;
  RSRawDecoder hadoopDecoder;
  boolean[] present;
  int[] erased;
  byte[][] hadoopParity;
  byte[][] hadoopInputs;
  byte[][] hadoopOutputs;

  @Setup
  public void setUp() throws IOException {
    String[] km = code.split("\\+");
    k = Integer.parseInt(km[0]);
    m = Integer.parseInt(km[1]);
    stripes = DATA_PER_OP / (k * SHARE);
    if (stripes * k * SHARE != DATA_PER_OP) {
      throw new IllegalStateException(code + " does not divide " + DATA_PER_OP);
    }
    SplittableRandom random = new SplittableRandom(42);
    shares = new byte[stripes][k + m][SHARE];
    for (byte[][] stripe : shares) {
      for (int i = 0; i < k; i++) {
        random.nextBytes(stripe[i]);
      }
    }
    if (coder.equals("hadoop")) {
      hadoopEncoder = new RSRawEncoder(new ErasureCoderOptions(k, m));
      hadoopDecoder = new RSRawDecoder(new ErasureCoderOptions(k, m));
    } else {
      CodingKernel kernel = CodingKernel.valueOf(coder);
      if (!kernel.available()) {
        throw new IllegalStateException(kernel + " is not available in this JVM");
      }
      ours = ReedSolomon.of(k, m, kernel);
    }
    for (byte[][] stripe : shares) {
      encodeStripe(stripe);
    }
    present = new boolean[k + m];
    Arrays.fill(present, m, k + m, true);
    erased = new int[m];
    Arrays.setAll(erased, i -> i);
    hadoopParity = new byte[m][];
    hadoopInputs = new byte[k + m][];
    hadoopOutputs = new byte[m][];
  }

  private void encodeStripe(byte[][] stripe) throws IOException {
    if (ours != null) {
      ours.encode(stripe, 0, SHARE);
    } else {
      System.arraycopy(stripe, k, hadoopParity == null ? (hadoopParity = new byte[m][]) : hadoopParity, 0, m);
      hadoopEncoder.encode(Arrays.copyOf(stripe, k), hadoopParity);
    }
  }

  @Benchmark
  @OperationsPerInvocation(DATA_PER_OP)
  public byte[][][] encode() throws IOException {
    for (byte[][] stripe : shares) {
      encodeStripe(stripe);
    }
    return shares;
  }

  /** Rebuilds data shares 0..m-1 from the other k. */
  @Benchmark
  @OperationsPerInvocation(DATA_PER_OP)
  public byte[][][] decode() throws IOException {
    for (byte[][] stripe : shares) {
      if (ours != null) {
        ours.reconstructData(stripe, present, 0, SHARE);
      } else {
        for (int i = 0; i < k + m; i++) {
          hadoopInputs[i] = i < m ? null : stripe[i];
        }
        System.arraycopy(stripe, 0, hadoopOutputs, 0, m);
        hadoopDecoder.decode(hadoopInputs, erased, hadoopOutputs);
      }
    }
    return shares;
  }
}
