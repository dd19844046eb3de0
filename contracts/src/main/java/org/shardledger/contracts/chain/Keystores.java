package org.shardledger.contracts.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.shardledger.protocol.crypto.KeyPair;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;

/** Ethereum keystore v3 files (what geth, cast and most wallets write), decrypted with a password file. */
public final class Keystores {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Keystores() {}

  /** Reads {@code keystore}, decrypting it with the first line of {@code passwordFile}. */
  public static KeyPair load(Path keystore, Path passwordFile) throws IOException {
    String password;
    try {
      password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
    } catch (NoSuchFileException e) {
      throw new IOException("no password file at " + passwordFile, e);
    }
    WalletFile wallet;
    try {
      wallet = JSON.readValue(keystore.toFile(), WalletFile.class);
    } catch (java.io.FileNotFoundException e) {
      throw new IOException("no keystore file at " + keystore, e);
    } catch (IOException e) {
      throw new IOException(keystore + " is not a keystore v3 file: " + e.getMessage(), e);
    }
    try {
      ECKeyPair pair = Wallet.decrypt(password, wallet);
      return KeyPair.fromPrivateKey(pair.getPrivateKey());
    } catch (CipherException e) {
      throw new IOException("cannot decrypt " + keystore + " with the password in " + passwordFile
          + " (wrong password?)", e);
    }
  }

  /** Writes a new keystore v3 file for {@code key} (light scrypt parameters are not used: standard ones). */
  public static void write(KeyPair key, String password, Path file) throws IOException {
    try {
      WalletFile wallet = Wallet.createStandard(password, ECKeyPair.create(key.privateKey()));
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(file.toFile(), wallet);
    } catch (CipherException e) {
      throw new IOException("cannot encrypt a keystore: " + e.getMessage(), e);
    }
  }
}
