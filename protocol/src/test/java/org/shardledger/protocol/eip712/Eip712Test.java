package org.shardledger.protocol.eip712;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Keccak256;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;

class Eip712Test {

  /** The "Mail" example of EIP-712 itself, with its published domain separator, struct hash and digest. */
  @Test
  void theEipsOwnExample() {
    record Person(String name, Address wallet) implements TypedStruct {
      @Override
      public String typeString() {
        return "Person(string name,address wallet)";
      }

      @Override
      public AbiWords encodeMembers() {
        return new AbiWords().word(Keccak256.hash(name)).address(wallet);
      }
    }
    record Mail(Person from, Person to, String contents) implements TypedStruct {
      @Override
      public String typeString() {
        return "Mail(Person from,Person to,string contents)Person(string name,address wallet)";
      }

      @Override
      public AbiWords encodeMembers() {
        return new AbiWords().word(from.structHash()).word(to.structHash()).word(Keccak256.hash(contents));
      }
    }
    Eip712Domain domain = new Eip712Domain("Ether Mail", "1", 1,
        Address.fromHex("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"));
    Mail mail = new Mail(new Person("Cow", Address.fromHex("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826")),
        new Person("Bob", Address.fromHex("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB")), "Hello, Bob!");

    assertThat(domain.separator().toHex())
        .isEqualTo("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f");
    assertThat(mail.structHash().toHex())
        .isEqualTo("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e");
    assertThat(domain.digest(mail).toHex())
        .isEqualTo("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");

    KeyPair cow = KeyPair.fromPrivateKey(Keccak256.hash("cow"));
    assertThat(cow.address()).isEqualTo(Address.fromHex("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
    Signature published = new Signature(
        new BigInteger("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", 16),
        new BigInteger("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", 16), 28);
    assertThat(domain.isSignedBy(mail, published, cow.address())).isTrue();
    assertThat(domain.sign(mail, cow)).isEqualTo(published);
  }

  @Test
  void aSignatureIsBoundToItsChainContractAndMessage() {
    KeyPair operator = KeyPair.fromPrivateKeyHex(
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    Address ledger = Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    Eip712Domain domain = Eip712Domain.shardledger(31337, ledger);
    ProofResponse response = new ProofResponse(7, 42, Keccak256.hash("proof"));
    Signature sig = domain.sign(response, operator);

    assertThat(domain.isSignedBy(response, sig, operator.address())).isTrue();
    assertThat(Eip712Domain.shardledger(1, ledger).isSignedBy(response, sig, operator.address())).isFalse();
    assertThat(Eip712Domain.shardledger(31337, Address.ZERO).isSignedBy(response, sig, operator.address()))
        .isFalse();
    assertThat(domain.isSignedBy(new ProofResponse(7, 43, response.proofHash()), sig, operator.address()))
        .isFalse();
  }

  @Test
  void typeStringsAreTheOnesDesignPins() {
    assertThat(DealAcceptance.TYPE).isEqualTo("DealAcceptance(uint256 dealId,bytes32 root,uint64 size,"
        + "uint64 firstEpoch,uint64 lastEpoch,uint256 pricePerEpoch)");
    assertThat(new ProofResponse(1, 1, Bytes32.ZERO).typeString())
        .isEqualTo("ProofResponse(uint256 dealId,uint64 epoch,bytes32 proofHash)");
    assertThat(AuditReport.TYPE).isEqualTo("AuditReport(uint64 epoch,bytes32 resultsHash,uint32 deals)");
    assertThat(Settlement.TYPE)
        .isEqualTo("Settlement(uint64 fromEpoch,uint64 epoch,bytes32 payoutRoot,uint256 cumulativeTotal,"
            + "bytes32 slashesHash,bytes32 terminationsHash)");
  }
}
