package org.shardledger.chainstore.settlement;

import java.io.IOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.Jdbc;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.protocol.settlement.DealState;
import org.shardledger.protocol.settlement.SettlementState;
import org.shardledger.protocol.settlement.Slash;

/**
 * The {@link SettlementStore} in a role's H2 database (its own migrations, {@code db/settlement}). Each record is
 * one transaction, written through before it returns, so a kill -9 leaves either the old state or the new one.
 * The current state is cached in memory after the first read. Per settlement it writes a row per account whose
 * amount changed, the terms of newly admitted deals, and the state itself as two compact values.
 */
public final class H2SettlementStore implements SettlementStore {
  private static final int BATCH = 1000;
  private final Database db;
  private SettlementState cached;

  private H2SettlementStore(Database db) {
    this.db = db;
  }

  /** Applies the store's migrations to {@code db} and opens the store. */
  public static H2SettlementStore open(Database db) throws IOException {
    db.migrate("db/settlement", "settlement_schema_history");
    return new H2SettlementStore(db);
  }

  @Override
  public synchronized SettlementState current() throws IOException {
    if (cached == null) {
      cached = db.transaction(H2SettlementStore::load);
    }
    return cached;
  }

  private record StateRow(long next, BigInteger escrowed, byte[] dealStates, byte[] balances) {}

  private static SettlementState load(Connection c) throws SQLException {
    Optional<StateRow> row = Jdbc.one(c, "SELECT next_epoch, escrowed, deal_states, balances FROM settlement_state "
        + "WHERE id = 1", r -> new StateRow(r.getLong(1), Jdbc.bigInteger(r, 2), r.getBytes(3), r.getBytes(4)));
    if (row.isEmpty()) {
      return SettlementState.genesis();
    }
    Map<Long, Deal> terms = new HashMap<>();
    for (Deal d : Jdbc.list(c, "SELECT deal_id, owner, operator, root, size, segment_size, samples, price_per_epoch, "
        + "first_epoch, last_epoch FROM settlement_deals", r -> new Deal(r.getLong(1), Address.fromHex(r.getString(2)),
            Address.fromHex(r.getString(3)), new ShardCommitment(Bytes32.fromHex(r.getString(4)), r.getLong(5),
                r.getInt(6)), r.getInt(7), Jdbc.bigInteger(r, 8), r.getLong(9), r.getLong(10)))) {
      terms.put(d.id(), d);
    }
    StateRow state = row.get();
    return SettlementState.restore(state.next(), StateBlobs.dealStates(state.dealStates(), terms),
        StateBlobs.balances(state.balances()), state.escrowed());
  }

  @Override
  public synchronized void record(SettledEpoch settled, SettlementState before, SettlementState after)
      throws IOException {
    Sequence.check(current().nextEpoch(), settled, before, after);
    Map<Address, BigInteger> changed = Sequence.changed(before, after);
    db.transaction(c -> {
      insertSettled(c, settled);
      try (PreparedStatement amounts = c.prepareStatement(
          "INSERT INTO settled_amounts (account, epoch, cumulative) VALUES (?, ?, ?)")) {
        int n = 0;
        for (Map.Entry<Address, BigInteger> e : changed.entrySet()) {
          Jdbc.bind(amounts, e.getKey().toHex(), settled.epoch(), e.getValue());
          amounts.addBatch();
          if (++n % BATCH == 0) {
            amounts.executeBatch();
          }
        }
        amounts.executeBatch();
      }
      writeTerms(c, before, after);
      Jdbc.update(c, "MERGE INTO settlement_state (id, next_epoch, escrowed, deal_states, balances) KEY (id) "
          + "VALUES (1, ?, ?, ?, ?)", after.nextEpoch(), after.escrowed(),
          StateBlobs.dealStates(after.deals()), StateBlobs.balances(after.cumulative()));
      return null;
    });
    cached = after;
  }

  private static void insertSettled(Connection c, SettledEpoch s) throws SQLException {
    Settlement t = s.settlement();
    Jdbc.update(c, "INSERT INTO settled_epochs (epoch, from_epoch, payout_root, cumulative_total, slashes_hash, held, "
        + "accounts, tx_hash, tx_block, recorded_at, terminations_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.epoch(), s.fromEpoch(), t.payoutRoot().toHex(), t.cumulativeTotal(), t.slashesHash().toHex(),
        s.held(), s.accounts(), s.tx().map(x -> x.hash().toHex()).orElse(null),
        s.tx().map(SettlementTx::block).orElse(null), OffsetDateTime.now(), t.terminationsHash().toHex());
    for (int i = 0; i < s.terminations().size(); i++) {
      Jdbc.update(c, "INSERT INTO settled_terminations (epoch, position, deal_id) VALUES (?, ?, ?)", t.epoch(), i,
          s.terminations().get(i));
    }
    for (int i = 0; i < s.slashes().size(); i++) {
      Slash slash = s.slashes().get(i);
      Jdbc.update(c, "INSERT INTO settled_slashes (epoch, position, operator, amount) VALUES (?, ?, ?, ?)", t.epoch(),
          i, slash.operator().toHex(), slash.amount());
    }
    for (Map.Entry<Address, Signature> e : s.signatures().entrySet()) {
      Jdbc.update(c, "INSERT INTO settled_signatures (epoch, signer, signature) VALUES (?, ?, ?)", t.epoch(),
          e.getKey().toHex(), e.getValue().toHex());
    }
  }

  /** The terms of newly admitted deals are inserted, those of forgotten deals deleted. */
  private static void writeTerms(Connection c, SettlementState before, SettlementState after) throws SQLException {
    Set<Long> kept = new HashSet<>();
    after.deals().forEach(d -> kept.add(d.deal().id()));
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM settlement_deals WHERE deal_id = ?")) {
      for (DealState d : before.deals()) {
        if (!kept.contains(d.deal().id())) {
          Jdbc.bind(delete, d.deal().id());
          delete.addBatch();
        }
      }
      delete.executeBatch();
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO settlement_deals (deal_id, owner, operator, root, "
        + "size, segment_size, samples, price_per_epoch, first_epoch, last_epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        + "?)")) {
      int n = 0;
      for (DealState d : after.deals()) {
        if (before.deal(d.deal().id()).isPresent()) {
          continue;
        }
        Deal deal = d.deal();
        Jdbc.bind(insert, deal.id(), deal.owner().toHex(), deal.operator().toHex(), deal.commitment().root().toHex(),
            deal.commitment().size(), deal.commitment().segmentSize(), deal.samples(),
            deal.pricePerEpoch(), deal.firstEpoch(), deal.lastEpoch());
        insert.addBatch();
        if (++n % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  @Override
  public synchronized void recordTransaction(long epoch, SettlementTx tx) throws IOException {
    int updated = db.transaction(c -> Jdbc.update(c, "UPDATE settled_epochs SET tx_hash = ?, tx_block = ? "
        + "WHERE epoch = ?", tx.hash().toHex(), tx.block(), epoch));
    if (updated == 0) {
      throw new IllegalStateException("no settlement of epoch " + epoch + " recorded");
    }
  }

  @Override
  public Optional<SettledEpoch> settled(long epoch) throws IOException {
    return first("WHERE epoch = ?", epoch);
  }

  @Override
  public Optional<SettledEpoch> covering(long epoch) throws IOException {
    return first("WHERE epoch >= ? AND from_epoch <= ? ORDER BY epoch LIMIT 1", epoch, epoch);
  }

  @Override
  public Optional<SettledEpoch> latest() throws IOException {
    return first("ORDER BY epoch DESC LIMIT 1");
  }

  @Override
  public List<SettledEpoch> settledBetween(long fromEpoch, long toEpoch, int limit) throws IOException {
    return db.transaction(c -> select(c, "WHERE epoch BETWEEN ? AND ? ORDER BY epoch LIMIT ?", fromEpoch, toEpoch,
        limit));
  }

  private Optional<SettledEpoch> first(String where, Object... args) throws IOException {
    List<SettledEpoch> found = db.transaction(c -> select(c, where, args));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  private static List<SettledEpoch> select(Connection c, String where, Object... args) throws SQLException {
    return Jdbc.list(c, "SELECT epoch, from_epoch, payout_root, cumulative_total, slashes_hash, held, accounts, "
        + "tx_hash, tx_block, terminations_hash FROM settled_epochs " + where, r -> {
          long epoch = r.getLong(1);
          Settlement settlement = new Settlement(r.getLong(2), epoch, Bytes32.fromHex(r.getString(3)),
              Jdbc.bigInteger(r, 4), Bytes32.fromHex(r.getString(5)), Bytes32.fromHex(r.getString(10)));
          String tx = r.getString(8);
          return new SettledEpoch(r.getLong(2), settlement, slashes(c, epoch), terminations(c, epoch),
              Jdbc.bigInteger(r, 6), r.getInt(7), signatures(c, epoch),
              tx == null ? Optional.empty() : Optional.of(new SettlementTx(Bytes32.fromHex(tx), r.getLong(9))));
        }, args);
  }

  private static List<Long> terminations(Connection c, long epoch) throws SQLException {
    return Jdbc.list(c, "SELECT deal_id FROM settled_terminations WHERE epoch = ? ORDER BY position",
        r -> r.getLong(1), epoch);
  }

  private static List<Slash> slashes(Connection c, long epoch) throws SQLException {
    return Jdbc.list(c, "SELECT operator, amount FROM settled_slashes WHERE epoch = ? ORDER BY position",
        r -> new Slash(Address.fromHex(r.getString(1)), Jdbc.bigInteger(r, 2)), epoch);
  }

  private static Map<Address, Signature> signatures(Connection c, long epoch) throws SQLException {
    Map<Address, Signature> out = new TreeMap<>();
    for (Map.Entry<Address, Signature> e : Jdbc.list(c, "SELECT signer, signature FROM settled_signatures "
        + "WHERE epoch = ?", r -> Map.entry(Address.fromHex(r.getString(1)), Signature.fromHex(r.getString(2))),
        epoch)) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  @Override
  public BigInteger cumulativeAt(Address account, long epoch) throws IOException {
    return db.transaction(c -> Jdbc.one(c, "SELECT cumulative FROM settled_amounts WHERE account = ? AND epoch <= ? "
        + "ORDER BY epoch DESC LIMIT 1", r -> Jdbc.bigInteger(r, 1), account.toHex(), epoch))
        .orElse(BigInteger.ZERO);
  }

  @Override
  public List<AmountAt> changes(Address account, long fromEpoch, long toEpoch) throws IOException {
    return db.transaction(c -> Jdbc.list(c, "SELECT epoch, cumulative FROM settled_amounts WHERE account = ? "
        + "AND epoch BETWEEN ? AND ? ORDER BY epoch", r -> new AmountAt(r.getLong(1), Jdbc.bigInteger(r, 2)),
        account.toHex(), fromEpoch, toEpoch));
  }

  @Override
  public Map<Address, BigInteger> amountsAt(long epoch) throws IOException {
    Map<Address, BigInteger> out = new HashMap<>();
    for (Map.Entry<Address, BigInteger> e : db.transaction(c -> Jdbc.list(c, "SELECT a.account, a.cumulative "
        + "FROM settled_amounts a JOIN (SELECT account, MAX(epoch) AS e FROM settled_amounts WHERE epoch <= ? "
        + "GROUP BY account) m ON a.account = m.account AND a.epoch = m.e",
        r -> Map.entry(Address.fromHex(r.getString(1)), Jdbc.bigInteger(r, 2)), epoch))) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
