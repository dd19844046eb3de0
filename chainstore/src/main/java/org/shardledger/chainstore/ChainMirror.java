package org.shardledger.chainstore;

import static org.shardledger.chainstore.Jdbc.update;

import java.io.IOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.shardledger.contracts.events.ChainEvent;
import org.shardledger.contracts.events.ChainFollower;
import org.shardledger.contracts.events.CursorStore;
import org.shardledger.contracts.events.FollowerCursor;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain state a role reads, kept in its database from confirmed events. Each batch of events is applied in
 * one transaction together with the follower's cursor, so after a crash the mirror and the cursor agree. A
 * reorg deeper than the confirmation depth empties the mirror and the follower rebuilds it from the deployment.
 */
public final class ChainMirror implements ChainFollower.Listener, CursorStore {
  private static final Logger LOG = LoggerFactory.getLogger(ChainMirror.class);

  private final Database db;

  public ChainMirror(Database db) {
    this.db = db;
  }

  @Override
  public void onConfirmed(List<ChainEvent> events, FollowerCursor upTo) throws IOException {
    db.transaction(c -> {
      for (ChainEvent event : events) {
        apply(c, event);
      }
      return saveCursor(c, upTo);
    });
  }

  @Override
  public Optional<FollowerCursor> load() throws IOException {
    return db.transaction(c -> Jdbc.one(c, "SELECT block, block_hash FROM mirror_cursor WHERE id = 1",
        r -> new FollowerCursor(r.getLong(1), Bytes32.fromHex(r.getString(2)))));
  }

  @Override
  public void save(FollowerCursor cursor) throws IOException {
    db.transaction(c -> saveCursor(c, cursor));
  }

  private static int saveCursor(Connection c, FollowerCursor cursor) throws SQLException {
    return update(c, "MERGE INTO mirror_cursor (id, block, block_hash) KEY (id) VALUES (1, ?, ?)", cursor.block(),
        cursor.hash().toHex());
  }

  private void apply(Connection c, ChainEvent event) throws SQLException {
    long block = event.origin().blockNumber();
    switch (event) {
      case ChainEvent.DealProposed e -> {
        Deal d = e.deal();
        update(c, "MERGE INTO deals (id, owner, operator, root, size, segment_size, samples, price_per_epoch, "
            + "first_epoch, last_epoch, status, proposed_block, changed_block) KEY (id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?)", d.id(), d.owner().toHex(),
            d.operator().toHex(), d.commitment().root().toHex(), d.commitment().size(), d.commitment().segmentSize(),
            d.samples(), d.pricePerEpoch(), d.firstEpoch(), d.lastEpoch(), block, block);
      }
      case ChainEvent.DealActivated e ->
          update(c, "UPDATE deals SET status = 'ACTIVE', changed_block = ? WHERE id = ?", block, e.dealId());
      case ChainEvent.DealCancelled e ->
          update(c, "UPDATE deals SET status = 'CANCELLED', changed_block = ? WHERE id = ?", block, e.dealId());
      case ChainEvent.BeaconRecorded e -> update(c, "MERGE INTO beacons (epoch, beacon, beacon_block, "
          + "recorded_block) KEY (epoch) VALUES (?, ?, ?, ?)", e.epoch(), e.beacon().toHex(), e.beaconBlock(), block);
      case ChainEvent.OperatorRegistered e -> update(c, "MERGE INTO operators (address, endpoint, region, "
          + "capacity, stake, exiting, changed_block) KEY (address) VALUES (?, ?, ?, ?, ?, FALSE, ?)",
          e.operator().toHex(), e.endpoint(), e.region(), e.capacity(), e.stake(), block);
      case ChainEvent.OperatorUpdated e -> update(c, "UPDATE operators SET endpoint = ?, region = ?, capacity = ?, "
          + "changed_block = ? WHERE address = ?", e.endpoint(), e.region(), e.capacity(), block, e.operator().toHex());
      case ChainEvent.StakeChanged e -> update(c, "UPDATE operators SET stake = ?, changed_block = ? WHERE address = ?",
          e.stake(), block, e.operator().toHex());
      case ChainEvent.SettlementSlashed e -> update(c, "UPDATE operators SET stake = GREATEST(stake - ?, 0), "
          + "changed_block = ? WHERE address = ?", e.slashed(), block, e.operator().toHex());
      case ChainEvent.DisputeUpheld e -> update(c, "UPDATE operators SET stake = GREATEST(stake - ?, 0), "
          + "changed_block = ? WHERE address = ?", e.slashed(), block, e.operator().toHex());
      case ChainEvent.ExitStarted e ->
          update(c, "UPDATE operators SET exiting = TRUE, changed_block = ? WHERE address = ?", block,
              e.operator().toHex());
      case ChainEvent.StakeWithdrawn e -> update(c, "DELETE FROM operators WHERE address = ?", e.operator().toHex());
      case ChainEvent.VerifierAdded e ->
          update(c, "MERGE INTO verifiers (address) KEY (address) VALUES (?)", e.verifier().toHex());
      case ChainEvent.VerifierRemoved e -> update(c, "DELETE FROM verifiers WHERE address = ?", e.verifier().toHex());
      case ChainEvent.VerifierSetChanged e ->
          update(c, "MERGE INTO verifier_threshold (id, threshold) KEY (id) VALUES (1, ?)", e.threshold());
      case ChainEvent.Settled e -> update(c, "MERGE INTO settlements (epoch, from_epoch, payout_root, "
          + "cumulative_total, slashes_hash, terminations_hash, tx_hash, block) KEY (epoch) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.epoch(), e.fromEpoch(), e.payoutRoot().toHex(),
          e.cumulativeTotal(), e.slashesHash().toHex(), e.terminationsHash().toHex(),
          e.origin().transactionHash().toHex(), block);
      case ChainEvent.DealEnded e -> update(c, "UPDATE deals SET status = 'ENDED', end_epoch = ?, changed_block = ? "
          + "WHERE id = ?", e.endEpoch(), block, e.dealId());
      case ChainEvent.DisputeOpened e -> update(c, "MERGE INTO disputes (id, deal_id, operator, disputer, open_block, "
          + "samples, deadline_block, status) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')", e.disputeId(), e.dealId(),
          e.operator().toHex(), e.disputer().toHex(), e.openBlock(), e.samples(), e.answerDeadlineBlock());
      case ChainEvent.DisputeAnswered e ->
          update(c, "UPDATE disputes SET status = 'ANSWERED' WHERE id = ?", e.disputeId());
      case ChainEvent.Reorged e -> {
        LOG.error("a reorg below the confirmation depth reached block {}: rebuilding the chain mirror",
            e.forkBlock());
        for (String table : List.of("deals", "operators", "beacons", "verifiers", "verifier_threshold",
            "settlements", "disputes", "claims", "unusable_logs", "mirror_cursor")) {
          update(c, "DELETE FROM " + table);
        }
      }
      case ChainEvent.Claimed e -> update(c, "MERGE INTO claims (account, claimed, block) KEY (account) "
          + "VALUES (?, ?, ?)", e.account().toHex(), e.cumulativeAmount(), block);
      case ChainEvent.Unusable e -> UnusableLogs.record(c, e);
    }
    if (event instanceof ChainEvent.DisputeUpheld e) {
      update(c, "UPDATE disputes SET status = 'UPHELD' WHERE id = ?", e.disputeId());
    }
  }

  // ---- reads -------------------------------------------------------------------------------------------------

  /** A mirrored deal with its status. */
  public record MirroredDeal(Deal deal, DealStatus status) {}

  public Optional<MirroredDeal> deal(long id) throws IOException {
    List<MirroredDeal> found = deals("WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * The deals to audit in {@code epoch}, by id: active ones whose period covers it, and ended ones still paid for
   * it (an owner's end takes effect after its end epoch, so that epoch is audited and paid like any other).
   */
  public List<MirroredDeal> activeDeals(long epoch) throws IOException {
    return deals("WHERE first_epoch <= ? AND ((status = 'ACTIVE' AND last_epoch >= ?) OR (status = 'ENDED' AND "
        + "end_epoch >= ?)) ORDER BY id", epoch, epoch, epoch);
  }

  /** At most {@code limit} deals of shard {@code root} with {@code status} and an id above {@code afterId}, by id. */
  public List<MirroredDeal> dealsByRoot(Bytes32 root, DealStatus status, long afterId, int limit)
      throws IOException {
    return deals("WHERE root = ? AND status = ? AND id > ? ORDER BY id LIMIT ?", root.toHex(), status.name(), afterId,
        limit);
  }

  /** Every activated deal (its escrow is in play), ended ones included, by id. */
  public List<MirroredDeal> activatedDeals() throws IOException {
    return deals("WHERE status IN ('ACTIVE', 'ENDED') ORDER BY id");
  }

  /** Deals that ended on chain paid through an epoch before {@code epoch}: id to end epoch. */
  public Map<Long, Long> endedDealsBefore(long epoch) throws IOException {
    Map<Long, Long> out = new TreeMap<>();
    for (long[] ended : db.transaction(c -> Jdbc.list(c, "SELECT id, end_epoch FROM deals WHERE status = 'ENDED' "
        + "AND end_epoch < ? ORDER BY id", r -> new long[] {r.getLong(1), r.getLong(2)}, epoch))) {
      out.put(ended[0], ended[1]);
    }
    return out;
  }

  private List<MirroredDeal> deals(String where, Object... args) throws IOException {
    return db.transaction(c -> Jdbc.list(c, "SELECT id, owner, operator, root, size, segment_size, samples, "
        + "price_per_epoch, first_epoch, last_epoch, status FROM deals " + where, r -> new MirroredDeal(
            new Deal(r.getLong(1), Address.fromHex(r.getString(2)), Address.fromHex(r.getString(3)),
                new ShardCommitment(Bytes32.fromHex(r.getString(4)), r.getLong(5), r.getInt(6)), r.getInt(7),
                Jdbc.bigInteger(r, 8), r.getLong(9), r.getLong(10)), DealStatus.valueOf(r.getString(11))), args));
  }

  /** A mirrored operator registration. */
  public record MirroredOperator(Address address, String endpoint, String region, long capacity, BigInteger stake,
      boolean exiting) {}

  public Optional<MirroredOperator> operator(Address address) throws IOException {
    return db.transaction(c -> Jdbc.one(c, "SELECT endpoint, region, capacity, stake, exiting FROM operators "
        + "WHERE address = ?", r -> new MirroredOperator(address, r.getString(1), r.getString(2), r.getLong(3),
            Jdbc.bigInteger(r, 4), r.getBoolean(5)), address.toHex()));
  }

  /** A recorded beacon and the block it is the hash of. */
  public record MirroredBeacon(long epoch, Bytes32 beacon, long beaconBlock) {}

  public Optional<MirroredBeacon> beacon(long epoch) throws IOException {
    return db.transaction(c -> Jdbc.one(c, "SELECT beacon, beacon_block FROM beacons WHERE epoch = ?",
        r -> new MirroredBeacon(epoch, Bytes32.fromHex(r.getString(1)), r.getLong(2)), epoch));
  }

  /** The current verifier set, sorted. */
  public Set<Address> verifiers() throws IOException {
    List<Address> found = db.transaction(c -> Jdbc.list(c, "SELECT address FROM verifiers",
        r -> Address.fromHex(r.getString(1))));
    return new TreeSet<>(found);
  }

  public int threshold() throws IOException {
    return db.transaction(c -> Jdbc.one(c, "SELECT threshold FROM verifier_threshold WHERE id = 1",
        r -> r.getInt(1))).orElse(0);
  }

  /** A settlement as the chain recorded it: what was signed, and the transaction and block it landed in. */
  public record MirroredSettlement(Settlement settlement, Bytes32 transactionHash, long block) {}

  /** The settlement of exactly {@code epoch}, if one landed (and is confirmed). */
  public Optional<MirroredSettlement> settlement(long epoch) throws IOException {
    return db.transaction(c -> Jdbc.one(c, "SELECT payout_root, cumulative_total, slashes_hash, tx_hash, block, "
        + "from_epoch, terminations_hash FROM settlements WHERE epoch = ?", r -> new MirroredSettlement(
            new Settlement(r.getLong(6), epoch, Bytes32.fromHex(r.getString(1)), Jdbc.bigInteger(r, 2),
                Bytes32.fromHex(r.getString(3)), Bytes32.fromHex(r.getString(7))),
            Bytes32.fromHex(r.getString(4)), r.getLong(5)), epoch));
  }

  /** The highest settled epoch, if any. */
  public Optional<Long> lastSettledEpoch() throws IOException {
    return db.transaction(c -> Jdbc.one(c, "SELECT epoch FROM settlements ORDER BY epoch DESC LIMIT 1",
        r -> r.getLong(1)));
  }

  /** Every log that did not fit this node's types, in chain order: what it named and why it was set aside. */
  public List<UnusableLogs.Entry> unusableLogs() throws IOException {
    return db.transaction(UnusableLogs::all);
  }

  /** What {@code account} has claimed on chain in total, as of the mirrored block; zero if nothing. */
  public BigInteger claimed(Address account) throws IOException {
    return db.transaction(c -> Jdbc.one(c, "SELECT claimed FROM claims WHERE account = ?", r -> Jdbc.bigInteger(r, 1),
        account.toHex())).orElse(BigInteger.ZERO);
  }

  /** Every account's total claimed on chain, as of the mirrored block. */
  public Map<Address, BigInteger> claims() throws IOException {
    Map<Address, BigInteger> out = new HashMap<>();
    for (Map.Entry<Address, BigInteger> e : db.transaction(c -> Jdbc.list(c, "SELECT account, claimed FROM claims",
        r -> Map.entry(Address.fromHex(r.getString(1)), Jdbc.bigInteger(r, 2))))) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** The follower's cursor block: everything up to it is mirrored. */
  public long mirroredThrough() throws IOException {
    return load().map(FollowerCursor::block).orElse(-1L);
  }
}
