/** The owner's side: encryption, erasure coding, the file layout, manifests, envelopes and keys. */
package org.shardledger.client;
