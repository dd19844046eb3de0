package org.shardledger.bench.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.shardledger.client.crypto.FileKey;
import org.shardledger.client.crypto.PartCipher;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * A part's streaming encryption and decryption (Tink AES-256-GCM-HKDF, 256 KiB segments) against raw AES-256-GCM
 * of the same bytes in the same segments (the JDK's provider, one doFinal per segment with its own nonce), warm
 * (median of N passes after warm-up, in this JVM) and cold (one pass in a fresh JVM each). Usage:
 * {@code bin/bench main client.EncryptionBench [MiB=256] [runs=5]}.
 */
public final class EncryptionBench {
  static final int SEGMENT = PartCipher.CIPHERTEXT_SEGMENT_SIZE - 16;
  static final String[] OPS = {"raw-encrypt", "tink-encrypt", "raw-decrypt", "tink-decrypt"};
  /** Cold only: the pass preceded, inside the timing, by the warm-up encode and decode run (GcmWarmUp). */
  static final String[] WARMED_UP = {"tink-encrypt", "tink-decrypt"};

  private final byte[] plain;
  private final PartCipher cipher = new PartCipher(FileKey.of(new byte[32]), Bytes32.ZERO, 0);
  private final SecretKeySpec rawKey = new SecretKeySpec(new byte[32], "AES");
  private byte[] tinkCiphertext;
  private byte[] rawCiphertext;
  private final byte[] out;

  private EncryptionBench(int mib) {
    plain = new byte[mib << 20];
    new Random(1).nextBytes(plain);
    out = new byte[plain.length + plain.length / 4096 + 1024];
  }

  /** With both ciphertexts made here (which warms both ciphers). */
  static EncryptionBench warm(int mib) throws Exception {
    EncryptionBench b = new EncryptionBench(mib);
    b.rawCiphertext = Arrays.copyOf(b.out, b.rawEncrypt());
    b.tinkCiphertext = b.tinkEncryptToArray();
    return b;
  }

  /** With the ciphertexts read from {@code dir}, so nothing has run yet in this JVM. */
  static EncryptionBench cold(int mib, Path dir) throws IOException {
    EncryptionBench b = new EncryptionBench(mib);
    b.rawCiphertext = Files.readAllBytes(dir.resolve("raw.bin"));
    b.tinkCiphertext = Files.readAllBytes(dir.resolve("tink.bin"));
    return b;
  }

  void save(Path dir) throws IOException {
    Files.write(dir.resolve("raw.bin"), rawCiphertext);
    Files.write(dir.resolve("tink.bin"), tinkCiphertext);
  }

  /** Raw AES-256-GCM over the same segments; returns the bytes written. */
  int rawEncrypt() throws GeneralSecurityException {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] nonce = new byte[12];
    int written = 0;
    for (int off = 0, seg = 0; off < plain.length; off += SEGMENT, seg++) {
      ByteBuffer.wrap(nonce).putInt(8, seg);
      gcm.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
      written += gcm.doFinal(plain, off, Math.min(SEGMENT, plain.length - off), out, written);
    }
    return written;
  }

  int rawDecrypt() throws GeneralSecurityException {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] nonce = new byte[12];
    int written = 0;
    for (int off = 0, seg = 0; off < rawCiphertext.length; off += SEGMENT + 16, seg++) {
      ByteBuffer.wrap(nonce).putInt(8, seg);
      gcm.init(Cipher.DECRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
      written += gcm.doFinal(rawCiphertext, off, Math.min(SEGMENT + 16, rawCiphertext.length - off), out, written);
    }
    return written;
  }

  /** Into a reused array, written in 1 MiB calls as the encoder does. */
  int tinkEncrypt() throws IOException {
    ArrayOut sink = new ArrayOut(out);
    try (OutputStream enc = cipher.encrypting(sink)) {
      for (int off = 0; off < plain.length; off += 1 << 20) {
        enc.write(plain, off, Math.min(1 << 20, plain.length - off));
      }
    }
    return sink.size;
  }

  private byte[] tinkEncryptToArray() throws IOException {
    return Arrays.copyOf(out, tinkEncrypt());
  }

  int tinkDecrypt() throws IOException {
    int n = 0;
    try (InputStream dec = cipher.decrypting(new ByteArrayInputStream(tinkCiphertext))) {
      for (int r; (r = dec.read(out, n, Math.min(1 << 20, out.length - n))) > 0; ) {
        n += r;
      }
    }
    if (n != plain.length) {
      throw new IllegalStateException("decrypted " + n + " of " + plain.length);
    }
    return n;
  }

  double seconds(String op) throws Exception {
    long t = System.nanoTime();
    switch (op) {
      case "raw-encrypt" -> rawEncrypt();
      case "raw-decrypt" -> rawDecrypt();
      case "tink-encrypt" -> tinkEncrypt();
      case "tink-decrypt" -> tinkDecrypt();
      default -> throw new IllegalArgumentException(op);
    }
    return (System.nanoTime() - t) / 1e9;
  }

  private static final class ArrayOut extends OutputStream {
    final byte[] buf;
    int size;

    ArrayOut(byte[] buf) {
      this.buf = buf;
    }

    @Override
    public void write(int b) {
      buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      System.arraycopy(b, off, buf, size, len);
      size += len;
    }
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }

  /** One pass of one operation in a fresh JVM (set-up excluded): seconds. */
  static double coldRun(String op, int mib, Path dir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
        EncryptionBench.class.getName(), "--cold", op, Integer.toString(mib), dir.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("cold run of " + op + " failed: " + output);
    }
    return Double.parseDouble(output);
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("--cold")) {
      EncryptionBench bench = cold(Integer.parseInt(args[2]), Path.of(args[3]));
      boolean warmUp = args[1].endsWith("+warm-up");
      long t = System.nanoTime();
      if (warmUp) {
        org.shardledger.client.crypto.GcmWarmUp.run();
      }
      double warmUpSeconds = (System.nanoTime() - t) / 1e9;
      System.out.println(warmUpSeconds + bench.seconds(args[1].replace("+warm-up", "")));
      return;
    }
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    EncryptionBench bench = warm(mib);
    Path dir = Files.createTempDirectory("encryption-bench");
    double[] cold = new double[OPS.length];
    double[] coldWarmedUp = new double[WARMED_UP.length];
    try {
      bench.save(dir);
      for (int i = 0; i < OPS.length; i++) {
        cold[i] = coldRun(OPS[i], mib, dir);
      }
      for (int i = 0; i < WARMED_UP.length; i++) {
        coldWarmedUp[i] = coldRun(WARMED_UP[i] + "+warm-up", mib, dir);
      }
    } finally {
      Files.deleteIfExists(dir.resolve("raw.bin"));
      Files.deleteIfExists(dir.resolve("tink.bin"));
      Files.deleteIfExists(dir);
    }
    for (int w = 0; w < 3; w++) {
      for (String op : OPS) {
        bench.seconds(op);
      }
    }
    List<List<Double>> warm = new ArrayList<>();
    for (String op : OPS) {
      warm.add(new ArrayList<>());
    }
    for (int r = 0; r < runs; r++) {
      for (int i = 0; i < OPS.length; i++) {
        warm.get(i).add(bench.seconds(OPS[i]));
      }
    }
    System.out.printf("machine: %d cores, %s; %d MiB per pass, warm = median of %d passes after 3 warm-up%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), mib, runs);
    double mb = (double) (mib << 20) / 1e6;
    for (int i = 0; i < OPS.length; i++) {
      System.out.printf("%-13s warm %7.0f MB/s   cold (fresh JVM, one pass) %7.0f MB/s%n", OPS[i],
          mb / median(warm.get(i)), mb / cold[i]);
    }
    for (int i = 0; i < WARMED_UP.length; i++) {
      System.out.printf("%-13s cold with the JIT warm-up encode/decode run first (its time included) %7.0f MB/s%n",
          WARMED_UP[i], mb / coldWarmedUp[i]);
    }
    System.out.printf("tink/raw: encrypt %.2fx warm, %.2fx cold; decrypt %.2fx warm, %.2fx cold (1.00 = as fast as "
        + "raw AES-GCM)%n", median(warm.get(0)) / median(warm.get(1)), cold[0] / cold[1],
        median(warm.get(2)) / median(warm.get(3)), cold[2] / cold[3]);
  }
}
