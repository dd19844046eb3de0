package org.shardledger.client.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JDK's AES-GCM to its fast path before a part is encrypted or decrypted. HotSpot uses the AES-GCM
 * intrinsics only from C2-compiled callers, and C2 compiles a method after a few thousand calls; Tink makes one call
 * per 256 KiB segment, so a fresh JVM would encrypt its first gigabyte or so on the slow Java path (25-50 MB/s).
 * A few thousand calls on 1 KiB buffers (under half a second) get the callers compiled first. Once per JVM; the key
 * and data are throw-away.
 */
public final class GcmWarmUp {
  static final int CALLS = 3000;
  private static final AtomicBoolean DONE = new AtomicBoolean();

  private GcmWarmUp() {}

  public static void run() {
    if (!DONE.compareAndSet(false, true)) {
      return;
    }
    try {
      SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      byte[] plain = new byte[1024];
      byte[] sealed = new byte[plain.length + 16];
      byte[] nonce = new byte[12];
      for (int i = 0; i < CALLS; i++) {
        ByteBuffer.wrap(nonce).putInt(8, i);
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        gcm.doFinal(plain, 0, plain.length, sealed, 0);
        gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        gcm.doFinal(sealed, 0, sealed.length, plain, 0);
        // Tink passes ByteBuffers, which take their own path through the provider
        ByteBuffer.wrap(nonce).putInt(4, 1);
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        gcm.doFinal(ByteBuffer.wrap(plain), ByteBuffer.wrap(sealed));
        gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        gcm.doFinal(ByteBuffer.wrap(sealed), ByteBuffer.wrap(plain));
        ByteBuffer.wrap(nonce).putInt(4, 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }
}
