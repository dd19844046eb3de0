package org.shardledger.protocol.challenge;

import org.shardledger.protocol.bytes.Bytes32;

/** The domain tags that keep epoch audits and on-chain disputes from ever drawing the same indices. */
public enum ChallengeKind {
  /** Epoch audits by verifiers: beacon = beacon(e), epoch = e. */
  AUDIT("shardledger.challenge.v1"),
  /** On-chain disputes: beacon = blockhash(openBlock + 1), epoch = the dispute id. */
  DISPUTE("shardledger.dispute.v1");

  private final Bytes32 tag;

  ChallengeKind(String tag) {
    this.tag = Bytes32.ofAsciiLeftAligned(tag);
  }

  /** Solidity's {@code bytes32("shardledger.challenge.v1")}: ASCII, left-aligned, zero-padded. */
  public Bytes32 tag() {
    return tag;
  }
}
