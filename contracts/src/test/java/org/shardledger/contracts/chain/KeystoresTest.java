package org.shardledger.contracts.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardledger.protocol.crypto.KeyPair;

class KeystoresTest {
  @TempDir
  Path dir;

  @Test
  void aWrittenKeystoreReadsBackToTheSameKey() throws IOException {
    KeyPair key = KeyPair.random(new java.security.SecureRandom());
    Path keystore = dir.resolve("key.json");
    Keystores.write(key, "correct horse", keystore);
    Files.writeString(dir.resolve("password"), "correct horse\n");
    assertThat(Keystores.load(keystore, dir.resolve("password")).address()).isEqualTo(key.address());
  }

  @Test
  void wrongPasswordMissingFilesAndGarbageAreClearErrors() throws IOException {
    Path keystore = dir.resolve("key.json");
    Keystores.write(KeyPair.random(new java.security.SecureRandom()), "right", keystore);
    Files.writeString(dir.resolve("wrong"), "wrong");
    assertThatThrownBy(() -> Keystores.load(keystore, dir.resolve("wrong"))).hasMessageContaining("wrong password");
    assertThatThrownBy(() -> Keystores.load(keystore, dir.resolve("none"))).hasMessageContaining("no password file");
    assertThatThrownBy(() -> Keystores.load(dir.resolve("nokey.json"), dir.resolve("wrong")))
        .hasMessageContaining("no keystore file");
    Files.writeString(dir.resolve("garbage.json"), "{not json");
    assertThatThrownBy(() -> Keystores.load(dir.resolve("garbage.json"), dir.resolve("wrong")))
        .hasMessageContaining("not a keystore v3 file");
  }
}
