package org.shardledger.protocol.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Keccak256;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;

class RetrievalTicketTest {
  private static final Eip712Domain DOMAIN =
      Eip712Domain.shardledger(31337, Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
  private static final KeyPair OWNER = KeyPair.fromPrivateKey(Keccak256.hash("owner"));
  private static final KeyPair STRANGER = KeyPair.fromPrivateKey(Keccak256.hash("stranger"));
  private static final Address REQUESTER = KeyPair.fromPrivateKey(Keccak256.hash("requester")).address();

  @Test
  void theTypeIsThePinnedOne() {
    assertThat(RetrievalTicket.TYPE).isEqualTo("RetrievalTicket(uint256 dealId,address requester,uint64 expiresAt)");
    assertThat(new RetrievalTicket(1, REQUESTER, 2).typeHash()).isEqualTo(Keccak256.hash(RetrievalTicket.TYPE));
  }

  @Test
  void theOwnersTicketIsServedUntilItExpires() {
    RetrievalTicket ticket = new RetrievalTicket(7, REQUESTER, 1_000);
    Signature signature = DOMAIN.sign(ticket, OWNER);
    assertThat(ticket.refusal(DOMAIN, signature, OWNER.address(), 999)).isEmpty();
    assertThat(ticket.refusal(DOMAIN, signature, OWNER.address(), 1_000)).get().asString().contains("expired");
  }

  @Test
  void aTicketFromAnyoneButTheOwnerOrForAnotherDealOrRequesterIsRefused() {
    RetrievalTicket ticket = new RetrievalTicket(7, REQUESTER, 1_000);
    assertThat(ticket.refusal(DOMAIN, DOMAIN.sign(ticket, STRANGER), OWNER.address(), 0)).get().asString()
        .contains("not signed by the deal's owner");
    Signature forDeal8 = DOMAIN.sign(new RetrievalTicket(8, REQUESTER, 1_000), OWNER);
    assertThat(ticket.refusal(DOMAIN, forDeal8, OWNER.address(), 0)).isPresent();
    Signature forStranger = DOMAIN.sign(new RetrievalTicket(7, STRANGER.address(), 1_000), OWNER);
    assertThat(ticket.refusal(DOMAIN, forStranger, OWNER.address(), 0)).isPresent();
    Eip712Domain otherChain = Eip712Domain.shardledger(1, DOMAIN.verifyingContract());
    assertThat(ticket.refusal(DOMAIN, otherChain.sign(ticket, OWNER), OWNER.address(), 0)).isPresent();
  }

  @Test
  void negativeValuesAreRefusedAtOnce() {
    assertThatThrownBy(() -> new RetrievalTicket(-1, REQUESTER, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetrievalTicket(0, REQUESTER, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
