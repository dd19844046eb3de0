package org.shardledger.bench.client;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawDecoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawEncoder;
import org.shardledger.client.coding.CodingKernel;
import org.shardledger.client.coding.ReedSolomon;

/**
 * One coder ("VECTOR", "TABLES" or "hadoop") on one code ("10+4") over whole stripes of 64 KiB shares holding
 * {@link #DATA} bytes of random data. Decode erases data shards 0..m-1 and rebuilds them from the other k shards,
 * so it really decodes; both coders rebuild only the erased data shards.
 */
final class CodingWorkload {
  static final int SHARE = 64 * 1024;
  static final int DATA = 2560 * 1024;

  private final int k;
  private final int m;
  private final byte[][][] stripes;
  private final ReedSolomon ours;
  private final RSRawEncoder hadoopEncoder;
  private final RSRawDecoder hadoopDecoder;
  private final boolean[] present;
  private final int[] erased;
  private final byte[][] hadoopInputs;
  private final byte[][] hadoopOutputs;

  CodingWorkload(String code, String coder) throws IOException {
    String[] km = code.split("\\+");
    k = Integer.parseInt(km[0]);
    m = Integer.parseInt(km[1]);
    if (DATA % (k * SHARE) != 0) {
      throw new IllegalArgumentException(code + " does not divide " + DATA + " bytes into whole stripes");
    }
    stripes = new byte[DATA / (k * SHARE)][k + m][SHARE];
    SplittableRandom random = new SplittableRandom(42);
    for (byte[][] stripe : stripes) {
      for (int i = 0; i < k; i++) {
        random.nextBytes(stripe[i]);
      }
    }
    if (coder.equals("hadoop")) {
      ours = null;
      hadoopEncoder = new RSRawEncoder(new ErasureCoderOptions(k, m));
      hadoopDecoder = new RSRawDecoder(new ErasureCoderOptions(k, m));
    } else {
      CodingKernel kernel = CodingKernel.valueOf(coder);
      if (!kernel.available()) {
        throw new IllegalStateException(kernel + " is not available: start the JVM with "
            + "--add-modules jdk.incubator.vector");
      }
      ours = ReedSolomon.of(k, m, kernel);
      hadoopEncoder = null;
      hadoopDecoder = null;
    }
    present = new boolean[k + m];
    Arrays.fill(present, m, k + m, true);
    erased = new int[m];
    Arrays.setAll(erased, i -> i);
    hadoopInputs = new byte[k + m][];
    hadoopOutputs = new byte[m][];
    encode();
  }

  Object encode() throws IOException {
    for (byte[][] stripe : stripes) {
      if (ours != null) {
        ours.encode(stripe, 0, SHARE);
      } else {
        hadoopEncoder.encode(Arrays.copyOf(stripe, k), Arrays.copyOfRange(stripe, k, k + m));
      }
    }
    return stripes;
  }

  Object decode() throws IOException {
    for (byte[][] stripe : stripes) {
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
    return stripes;
  }
}
