package org.shardledger.client.keys;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.shardledger.client.crypto.FileKey;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.bytes.Hex;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.PersonalMessage;

/** The envelope known-answer vector: an account's derived X25519 key and one envelope with a fixed ephemeral key. */
public final class EnvelopeVectors {
  public static final KeyPair ACCOUNT =
      KeyPair.fromPrivateKeyHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  public static final long CHAIN_ID = 31337;
  public static final Address LEDGER = Address.fromHex("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
  public static final Bytes32 FILE_ID = Bytes32.fromHex("0x" + "0f".repeat(32));
  public static final FileKey FILE_KEY = FileKey.of(Hex.decode("0x" + "2a".repeat(32)));
  static final byte[] EPHEMERAL_IKM = "shardledger envelope vector ephemeral".getBytes(StandardCharsets.UTF_8);

  private EnvelopeVectors() {}

  /** The vector's envelope: to {@link #ACCOUNT}'s own key, ephemeral key DeriveKeyPair(EPHEMERAL_IKM). */
  public static Envelope envelope() {
    EncryptionKey key = EncryptionKey.derive(ACCOUNT);
    AsymmetricCipherKeyPair ephemeral = Hpke.suite().deriveKeyPair(EPHEMERAL_IKM);
    return Envelopes.seal(FILE_KEY, ACCOUNT.address(), key.publicKey(),
        new EnvelopeContext(CHAIN_ID, LEDGER, FILE_ID), ephemeral);
  }

  public static ObjectNode vectors(ObjectMapper json) {
    EncryptionKey key = EncryptionKey.derive(ACCOUNT);
    AsymmetricCipherKeyPair ephemeral = Hpke.suite().deriveKeyPair(EPHEMERAL_IKM);
    EnvelopeContext context = new EnvelopeContext(CHAIN_ID, LEDGER, FILE_ID);
    Envelope envelope = envelope();
    ObjectNode root = json.createObjectNode();
    root.put("description", "X25519 key derived from an account (HKDF-SHA256 over its personal_sign signature, "
        + "clamped) and one envelope: HPKE base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, "
        + "info = 'shardledger.envelope.v1' || chainId (32 bytes) || ledger (20 bytes) || fileId (32 bytes), empty "
        + "aad, sealing the file key. The ephemeral key is RFC 9180 DeriveKeyPair(ephemeralIkm) so the vector is "
        + "fixed; real envelopes use a fresh one.");
    ObjectNode account = root.putObject("account");
    account.put("privateKey", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    account.put("address", ACCOUNT.address().toChecksumHex());
    account.put("message", EncryptionKey.MESSAGE);
    account.put("personalSignature", PersonalMessage.sign(ACCOUNT, EncryptionKey.MESSAGE).toHex());
    account.put("hkdfSalt", "shardledger.x25519.v1");
    account.put("x25519PrivateKey", Hex.encode(key.privateKey()));
    account.put("x25519PublicKey", key.publicKey().toHex());
    ObjectNode ctx = root.putObject("context");
    ctx.put("chainId", CHAIN_ID).put("ledger", LEDGER.toHex()).put("fileId", FILE_ID.toHex())
        .put("info", Hex.encode(context.info()));
    ObjectNode env = root.putObject("envelope");
    env.put("fileKey", Hex.encode(FILE_KEY.toArray()));
    env.put("ephemeralIkm", Hex.encode(EPHEMERAL_IKM));
    env.put("ephemeralPublicKey", Hex.encode(Hpke.suite().serializePublicKey(ephemeral.getPublic())));
    env.put("recipient", envelope.recipient().toHex()).put("recipientKey", envelope.recipientKey().toHex())
        .put("enc", envelope.enc().toHex()).put("ciphertext", envelope.ciphertext().toHex());
    return root;
  }
}
