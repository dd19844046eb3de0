package org.shardledger.client.put;

/** Hears a put's stages: "terms", "propose", "upload", "activate", "cancel", "manifest"; done out of total. */
@FunctionalInterface
public interface PutProgress {
  PutProgress NONE = (stage, done, total, detail) -> {};

  void stage(String stage, long done, long total, String detail);
}
