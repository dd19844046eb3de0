package org.shardledger.client.file;

import java.nio.file.Path;
import org.shardledger.protocol.crypto.Address;

/** What decode wrote, and who signed the manifest it came from. */
public record DecodedFile(Path file, String name, long length, Address signer) {}
