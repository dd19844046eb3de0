package org.shardledger.contracts.chain;

import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;

/** A deal as the chain has it: its terms, where it stands, and the dispute open against it (0: none). */
public record DealRecord(Deal deal, DealStatus status, long openDisputeId) {}
