package org.shardledger.wire.server;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.shardledger.protocol.crypto.KeyPair;

/**
 * What every connection of one server shares: settings, the operator's key, the backend, the work executor, the
 * upload permits and the book of what each peer address holds.
 */
record ServerContext(ServerSettings settings, long chainId, KeyPair operatorKey, OperatorBackend backend,
    Executor work, Semaphore uploadPermits, WireTraffic traffic, PeerBook peers) {

  ServerContext {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(operatorKey, "operatorKey");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(uploadPermits, "uploadPermits");
    Objects.requireNonNull(traffic, "traffic");
    Objects.requireNonNull(peers, "peers");
  }

  ServerContext(ServerSettings settings, long chainId, KeyPair operatorKey, OperatorBackend backend, Executor work) {
    this(settings, chainId, operatorKey, backend, work, new Semaphore(settings.maxConcurrentUploads()),
        new WireTraffic(), new PeerBook(settings.limits()));
  }
}
