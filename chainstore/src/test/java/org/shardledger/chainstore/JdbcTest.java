package org.shardledger.chainstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcTest {
  @TempDir
  Path dir;
  private Database db;

  @BeforeEach
  void open() throws IOException {
    db = Database.open(dir, "jdbc");
    db.transaction(c -> Jdbc.update(c, "CREATE TABLE t (id BIGINT PRIMARY KEY, amount DECIMAL(78, 0), "
        + "name VARCHAR(64), at TIMESTAMP)"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private record Row(long id, BigInteger amount, String name) {}

  private static Row row(java.sql.ResultSet r) throws java.sql.SQLException {
    return new Row(r.getLong(1), Jdbc.bigInteger(r, 2), r.getString(3));
  }

  @Test
  void storesAmountsAboveALongExactlyAndReadsThemBackInQueryOrder() throws IOException {
    BigInteger big = BigInteger.TWO.pow(255).add(BigInteger.ONE);
    int inserted = db.transaction(c -> Jdbc.update(c, "INSERT INTO t (id, amount, name) VALUES (?, ?, ?), (?, ?, ?)",
        2L, big, "two", 1L, BigInteger.TEN, null));
    assertThat(inserted).isEqualTo(2);
    List<Row> rows = db.transaction(c -> Jdbc.list(c, "SELECT id, amount, name FROM t ORDER BY id", JdbcTest::row));
    assertThat(rows).containsExactly(new Row(1, BigInteger.TEN, null), new Row(2, big, "two"));
  }

  @Test
  void oneIsEmptyWithoutARowAndRefusesTwo() throws IOException {
    db.transaction(c -> Jdbc.update(c, "INSERT INTO t (id, amount) VALUES (1, 5), (2, 5)"));
    Optional<Row> none = db.transaction(c -> Jdbc.one(c, "SELECT id, amount, name FROM t WHERE id = ?",
        JdbcTest::row, 9L));
    Optional<Row> two = db.transaction(c -> Jdbc.one(c, "SELECT id, amount, name FROM t WHERE id = ?",
        JdbcTest::row, 2L));
    assertThat(none).isEmpty();
    assertThat(two).contains(new Row(2, BigInteger.valueOf(5), null));
    assertThatThrownBy(() -> db.transaction(c -> Jdbc.one(c, "SELECT id, amount, name FROM t WHERE amount = ?",
        JdbcTest::row, BigInteger.valueOf(5))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than one row");
  }

  @Test
  void bindsInstantsAsTimestamps() throws IOException {
    Instant at = Instant.parse("2026-01-02T03:04:05Z");
    db.transaction(c -> Jdbc.update(c, "INSERT INTO t (id, at) VALUES (?, ?)", 1L, at));
    Optional<Instant> back = db.transaction(c -> Jdbc.one(c, "SELECT at FROM t WHERE id = 1",
        r -> r.getTimestamp(1).toInstant()));
    assertThat(back).contains(at);
  }

  @Test
  void aFailedStatementRollsBackTheWholeTransaction() throws IOException {
    assertThatThrownBy(() -> db.transaction(c -> {
      Jdbc.update(c, "INSERT INTO t (id) VALUES (1)");
      return Jdbc.update(c, "INSERT INTO t (id) VALUES (1)");
    })).isInstanceOf(IOException.class);
    List<Long> left = db.transaction(c -> Jdbc.list(c, "SELECT id FROM t", r -> r.getLong(1)));
    assertThat(left).isEmpty();
  }
}
