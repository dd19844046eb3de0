package org.shardledger.chainstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A role's embedded H2 database in file mode. Every commit is written through before it returns
 * ({@code WRITE_DELAY=0}), so what a role recorded survives kill -9. Schemas come from Flyway migrations.
 */
public final class Database implements AutoCloseable {
  private final JdbcConnectionPool pool;
  private final String url;

  private Database(JdbcConnectionPool pool, String url) {
    this.pool = pool;
    this.url = url;
  }

  /** Opens (creating if needed) {@code dir/name.mv.db} and applies the chain mirror's migrations. */
  public static Database open(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
    pool.setMaxConnections(16);
    Database db = new Database(pool, url);
    db.migrate("db/chainstore", "chainstore_schema_history");
    return db;
  }

  /** Applies the migrations under classpath {@code location}, tracked in {@code historyTable}. */
  public void migrate(String location, String historyTable) throws IOException {
    try {
      Flyway.configure().dataSource(pool).locations("classpath:" + location).table(historyTable)
          .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    } catch (RuntimeException e) {
      throw new IOException("database migration " + location + " failed: " + e.getMessage(), e);
    }
  }

  /** Work on one connection inside one transaction: committed if it returns, rolled back if it throws. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  public <T> T transaction(Work<T> work) throws IOException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IOException("database error: " + e.getMessage(), e);
    }
  }

  public String url() {
    return url;
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
