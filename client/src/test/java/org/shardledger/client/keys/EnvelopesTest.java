package org.shardledger.client.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.shardledger.client.crypto.FileKey;
import org.shardledger.protocol.bytes.Bytes;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.KeyPair;

class EnvelopesTest {
  final SecureRandom random = new SecureRandom();
  final EncryptionKey alice = EncryptionKey.derive(KeyPair.random(random));
  final EncryptionKey bob = EncryptionKey.derive(KeyPair.random(random));
  final Address ledger = Address.fromHex("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
  final EnvelopeContext context = new EnvelopeContext(31337, ledger, Bytes32.ofUnsigned(99));
  final FileKey fileKey = FileKey.random(random);

  Envelope sealForAlice() {
    return Envelopes.seal(fileKey, alice.account(), alice.publicKey(), context);
  }

  @Test
  void theRecipientOpensItAndNobodyElse() {
    Envelope envelope = sealForAlice();
    assertThat(Envelopes.open(envelope, alice, context)).contains(fileKey);
    assertThat(Envelopes.open(envelope, bob, context)).isEmpty();
  }

  @Test
  void itIsBoundToChainLedgerAndFile() {
    Envelope envelope = sealForAlice();
    assertThat(Envelopes.open(envelope, alice, new EnvelopeContext(1, ledger, context.fileId()))).isEmpty();
    assertThat(Envelopes.open(envelope, alice, new EnvelopeContext(31337, Address.ZERO, context.fileId())))
        .isEmpty();
    assertThat(Envelopes.open(envelope, alice, new EnvelopeContext(31337, ledger, Bytes32.ofUnsigned(100))))
        .isEmpty();
  }

  @Test
  void anAlteredEnvelopeDoesNotOpen() {
    Envelope envelope = sealForAlice();
    for (int i = 0; i < Envelope.CIPHERTEXT_SIZE; i += 7) {
      byte[] ct = envelope.ciphertext().toArray();
      ct[i] ^= 1;
      Envelope altered = new Envelope(envelope.recipient(), envelope.recipientKey(), envelope.enc(), Bytes.of(ct));
      assertThat(Envelopes.open(altered, alice, context)).as("flip at %d", i).isEmpty();
    }
    byte[] enc = envelope.enc().toArray();
    enc[5] ^= 1;
    assertThat(Envelopes.open(new Envelope(envelope.recipient(), envelope.recipientKey(), Bytes.of(enc),
        envelope.ciphertext()), alice, context)).isEmpty();
  }

  @Test
  void theInfoIsLabelChainLedgerAndFileId() {
    byte[] info = context.info();
    assertThat(info).hasSize(23 + 32 + 20 + 32);
    assertThat(new String(info, 0, 23, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("shardledger.envelope.v1");
    assertThat(info[23 + 31]).isEqualTo((byte) (31337 & 0xff));
    assertThat(info[23 + 30]).isEqualTo((byte) (31337 >> 8));
  }

  @Test
  void tinkOpensOurEnvelopes() throws GeneralSecurityException {
    Envelope envelope = sealForAlice();
    byte[] wire = new byte[Envelope.ENC_SIZE + Envelope.CIPHERTEXT_SIZE];
    envelope.enc().copyTo(wire, 0);
    envelope.ciphertext().copyTo(wire, Envelope.ENC_SIZE);
    assertThat(TinkHpke.open(alice, wire, context.info())).isEqualTo(fileKey.toArray());
    assertThatThrownBy(() -> TinkHpke.open(bob, wire, context.info())).isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void weOpenTinksEnvelopes() throws GeneralSecurityException {
    byte[] wire = TinkHpke.seal(alice.publicKey(), fileKey.toArray(), context.info());
    Envelope envelope = new Envelope(alice.account(), alice.publicKey(), Bytes.of(wire, 0, 32),
        Bytes.of(wire, 32, wire.length - 32));
    assertThat(Envelopes.open(envelope, alice, context)).contains(fileKey);
  }

  @Test
  void malformedEnvelopesAreRejectedWhenBuilt() {
    assertThatThrownBy(() -> new Envelope(alice.account(), alice.publicKey(), Bytes.of(new byte[31]),
        Bytes.of(new byte[48]))).hasMessageContaining("enc has 32 bytes");
    assertThatThrownBy(() -> new Envelope(alice.account(), alice.publicKey(), Bytes.of(new byte[32]),
        Bytes.of(new byte[47]))).hasMessageContaining("ciphertext has 48 bytes");
  }

  @Test
  void theInMemoryDirectoryPublishesAndLooksUp() {
    KeyDirectory directory = new InMemoryKeyDirectory();
    assertThat(directory.lookup(alice.account())).isEmpty();
    directory.publish(alice);
    assertThat(directory.lookup(alice.account())).contains(alice.publicKey());
    assertThat(directory.lookup(bob.account())).isEmpty();
  }
}
