package org.shardledger.contracts.chain;

import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;

/**
 * A deal as the chain has it: its terms, where it stands, the newest dispute opened against it while that one is
 * open (0: none; older ones may be open too, disputes do not exclude each other), and the last epoch it is paid for
 * ({@code lastEpoch}, or earlier once it ended early).
 */
public record DealRecord(Deal deal, DealStatus status, long openDisputeId, long endEpoch) {}
