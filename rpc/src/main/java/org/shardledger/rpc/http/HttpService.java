package org.shardledger.rpc.http;

/**
 * What a server does with one request. Runs on a worker thread of the server's bounded pool, never on an event
 * loop, so it may read the disk. It must not throw: an exception is answered with a 500 and logged.
 */
@FunctionalInterface
public interface HttpService {
  HttpAnswer serve(HttpCall call);
}
