package org.shardledger.node.roles;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a role's factory opened (database, chain connection, follower, clients), closed in reverse order: by the
 * factory when building fails half way, by the role when it stops.
 */
public final class RoleResources implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RoleResources.class);

  private final String role;
  private final List<AutoCloseable> opened = new ArrayList<>();

  public RoleResources(String role) {
    this.role = role;
  }

  /**
   * The resources of a role that runs in {@code dataDir}: the directory's {@link DataDirLock} first (so it is
   * released last), refusing when a live process holds it. Every role's factory starts here.
   */
  public static RoleResources lockedIn(String role, java.nio.file.Path dataDir) throws java.io.IOException {
    RoleResources resources = new RoleResources(role);
    resources.keep(DataDirLock.acquire(dataDir));
    return resources;
  }

  /** Keeps {@code resource} to close after everything kept before it. */
  public synchronized <T extends AutoCloseable> T keep(T resource) {
    opened.add(resource);
    return resource;
  }

  /** Closes everything kept, newest first; a failure is logged and the rest still closed. */
  @Override
  public synchronized void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        LOG.warn("while stopping the {}: {}", role, e.toString());
      }
    }
    opened.clear();
  }
}
