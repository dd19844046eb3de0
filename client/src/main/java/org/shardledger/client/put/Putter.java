package org.shardledger.client.put;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.shardledger.client.file.EncodedFile;
import org.shardledger.client.file.ShardFiles;
import org.shardledger.client.manifest.Manifest;
import org.shardledger.client.manifest.ManifestFile;
import org.shardledger.client.manifest.ManifestPart;
import org.shardledger.client.manifest.ManifestShard;
import org.shardledger.client.manifest.ManifestSignature;
import org.shardledger.client.placement.Exclusion;
import org.shardledger.client.placement.Placement;
import org.shardledger.client.placement.Placement.Assignment;
import org.shardledger.client.placement.PlacementPolicy;
import org.shardledger.client.placement.PlacementResult;
import org.shardledger.client.placement.Placer;
import org.shardledger.client.put.OwnerChain.Proposal;
import org.shardledger.client.put.OwnerChain.RegisteredOperator;
import org.shardledger.client.put.PutJournal.Slot;
import org.shardledger.client.put.PutPlan.PartPlan;
import org.shardledger.client.put.ShardUploads.Accepted;
import org.shardledger.client.put.ShardUploads.Key;
import org.shardledger.client.put.ShardUploads.Upload;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.KeyPair;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.merkle.ShardCommitment;
import org.shardledger.wire.client.WireClient;

/**
 * Stores an encoded file on the network: asks the registered operators for their terms, places each part
 * ({@link Placer}), proposes every deal in one transaction, uploads the shards in parallel (racing the slowest and
 * replacing operators that refuse or fail), activates every deal in one transaction, cancels the proposals that
 * lost, and writes the manifest with each shard's deal. Everything it does is journaled before it happens
 * ({@link PutJournal}): a failed put cancels its open proposals and removes its spooled shards, and a put killed
 * anywhere is finished or cleaned up by {@link #recover} on the next run.
 */
public final class Putter {
  private final OwnerChain chain;
  private final WireClient wire;
  private final KeyPair owner;
  private final TermsCollector.Reputations reputations;
  private final PutProgress progress;

  public Putter(OwnerChain chain, WireClient wire, KeyPair owner, PutProgress progress) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.wire = Objects.requireNonNull(wire, "wire");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.reputations = operator -> 1.0;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** Where the deals go and what they cost; no transaction is sent. */
  public PutPlan plan(EncodedFile encoded, PutOptions options) throws IOException, InterruptedException {
    progress.stage("operators", 0, 1, "reading the registered operators");
    long now = chain.currentEpoch();
    List<RegisteredOperator> operators = chain.operators();
    progress.stage("operators", 1, 1, operators.size() + " registered");
    progress.stage("terms", 0, operators.size(), "asking " + operators.size() + " operators for their terms");
    TermsCollector.Collected collected = TermsCollector.collect(wire, operators, reputations, options.termsTimeout());
    progress.stage("terms", operators.size(), operators.size(), collected.candidates().size() + " answered");
    long bytes = encoded.manifest().parts().stream().flatMap(p -> p.shards().stream())
        .mapToLong(ManifestShard::size).sum();
    long deals = encoded.manifest().parts().stream().mapToLong(p -> p.shards().size()
        + options.extraUploadsPerPart()).sum();
    long uploadMillis = bytes * 1000 / options.assumedUploadBytesPerSecond() + 1000;
    long chainMillis = chain.chainTime(deals).toMillis();
    long epochMillis = Math.max(1, chain.epochLength().toMillis());
    long firstEpoch = now + 1 + (uploadMillis + chainMillis) / epochMillis;
    long lastEpoch = firstEpoch + options.epochs() - 1;
    List<PartPlan> parts = new ArrayList<>();
    for (ManifestPart part : encoded.manifest().parts()) {
      PlacementPolicy policy = new PlacementPolicy(part.dataShards(), part.parityShards(), options.regions(),
          options.maxPricePerGiBEpoch(), firstEpoch, lastEpoch, options.samples(), now);
      long shardSize = part.shards().getFirst().size();
      switch (Placer.place(policy, shardSize, collected.candidates())) {
        case PlacementResult.NotEnoughOperators none -> {
          List<Exclusion> all = new ArrayList<>(collected.excluded());
          all.addAll(none.excluded());
          throw new PutRefusedException("part " + part.index() + ": "
              + new PlacementResult.NotEnoughOperators(none.needed(), none.eligible(), all).describe());
        }
        case PlacementResult.Placed placed -> parts.add(races(part.index(), placed.placement(),
            options.extraUploadsPerPart()));
      }
    }
    return new PutPlan(encoded, parts, firstEpoch, lastEpoch, options.samples(), collected.excluded(),
        collected.byAddress(), options.parallelUploads());
  }

  /** Picks up to {@code extra} spares to race shards of the part, each one a replacement the region cap allows. */
  private static PartPlan races(int part, Placement placement, int extra) {
    List<Integer> shards = new ArrayList<>();
    List<Assignment> racers = new ArrayList<>();
    Placement current = placement;
    for (int i = placement.assignments().size() - 1; i >= 0 && racers.size() < extra; i--) {
      Optional<Placement> replaced = current.replace(i);
      if (replaced.isPresent()) {
        shards.add(i);
        racers.add(replaced.get().assignments().get(i));
        current = new Placement(current.assignments(), replaced.get().spares(), current.regionCap(),
            current.warning(), current.excluded());
      }
    }
    Placement withoutRacers = new Placement(placement.assignments(), current.spares(), placement.regionCap(),
        placement.warning(), placement.excluded());
    return new PartPlan(part, withoutRacers, shards, racers);
  }

  /**
   * Carries out the plan and writes the manifest to {@code manifestOut}. On failure it cancels every proposal it
   * made, removes the spooled shards, and throws {@link PutFailedException} saying so.
   */
  public PutResult store(PutPlan plan, Path manifestOut) throws IOException, InterruptedException {
    Path journalFile = PutJournal.of(manifestOut);
    if (Files.exists(journalFile)) {
      throw new PutRefusedException("an earlier put to " + manifestOut + " did not finish (" + journalFile
          + "); run it again to finish or clean it up first");
    }
    BigInteger escrow = plan.escrowDuringPut();
    BigInteger balance = chain.balance();
    if (balance.compareTo(escrow) < 0) {
      throw new PutRefusedException("the put escrows " + escrow + " credits while it uploads (" + plan.costPerEpoch()
          + " per epoch for " + plan.epochs() + " epochs, races included); the owner has " + balance);
    }
    Manifest manifest = plan.encoded().manifest();
    Path spool = plan.encoded().manifestFile().getParent();
    Map<Long, Slot> proposed = new HashMap<>();
    int[] transactions = {0};
    try (PutJournal journal = PutJournal.create(journalFile)) {
      Set<Bytes32> roots = new LinkedHashSet<>();
      manifest.parts().forEach(p -> p.shards().forEach(s -> roots.add(s.root())));
      journal.proposing(spool, manifest.fileId(), roots);
      try {
        PutResult result = carryOut(plan, manifestOut, journal, proposed, transactions);
        journal.done();
        return result;
      } catch (IOException | RuntimeException | InterruptedException e) {
        String cleaned = cleanUp(journal, proposed.keySet(), plan.encoded(), transactions);
        throw new PutFailedException("the put of " + plan.encoded().manifestFile().getFileName() + " failed: "
            + e.getMessage(), cleaned, e);
      }
    } finally {
      if (Files.exists(journalFile) && PutJournal.read(journalFile).done()) {
        Files.delete(journalFile);
      }
    }
  }

  private PutResult carryOut(PutPlan plan, Path manifestOut, PutJournal journal, Map<Long, Slot> proposed,
      int[] transactions) throws IOException, InterruptedException {
    Manifest manifest = plan.encoded().manifest();
    Path spool = plan.encoded().manifestFile().getParent();
    List<Upload> pending = new ArrayList<>();
    List<Proposal> proposals = new ArrayList<>();
    List<Key> keys = new ArrayList<>();
    List<RegisteredOperator> whom = new ArrayList<>();
    for (PartPlan p : plan.parts()) {
      ManifestPart part = manifest.parts().get(p.part());
      List<Assignment> shards = p.placement().assignments();
      for (int i = 0; i < shards.size(); i++) {
        addProposal(plan, part, i, shards.get(i), proposals, keys, whom);
      }
      for (int j = 0; j < p.races().size(); j++) {
        addProposal(plan, part, p.raceShards().get(j), p.races().get(j), proposals, keys, whom);
      }
    }
    progress.stage("propose", 0, proposals.size(), proposals.size() + " deals in one transaction");
    List<Deal> deals = chain.propose(proposals);
    transactions[0]++;
    List<Slot> slots = new ArrayList<>();
    for (int d = 0; d < deals.size(); d++) {
      Key key = keys.get(d);
      Slot slot = new Slot(key.part(), key.shard(), deals.get(d).id());
      slots.add(slot);
      proposed.put(slot.deal(), slot);
      pending.add(new Upload(key.part(), key.shard(), deals.get(d), whom.get(d),
          ShardFiles.shard(spool, manifest.fileId(), key.part(), key.shard())));
    }
    journal.proposed(slots);
    progress.stage("propose", proposals.size(), proposals.size(), "proposed");

    Map<Integer, Placement> placements = new HashMap<>();
    plan.parts().forEach(p -> placements.put(p.part(), p.placement()));
    ShardUploads.Replacer replacer = failed -> {
      Placement current = placements.get(failed.part());
      int index = failed.shard();
      Optional<Placement> next = current.replace(index);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      placements.put(failed.part(), next.get());
      Assignment spare = next.get().assignments().get(index);
      List<Proposal> one = new ArrayList<>();
      List<Key> oneKey = new ArrayList<>();
      List<RegisteredOperator> oneWhom = new ArrayList<>();
      addProposal(plan, manifest.parts().get(failed.part()), index, spare, one, oneKey, oneWhom);
      Deal deal = chain.propose(one).getFirst();
      transactions[0]++;
      Slot slot = new Slot(failed.part(), index, deal.id());
      proposed.put(deal.id(), slot);
      journal.proposed(List.of(slot));
      return Optional.of(new Upload(failed.part(), index, deal, oneWhom.getFirst(), failed.file()));
    };
    progress.stage("upload", 0, pending.size(), "uploading " + pending.size() + " shards, "
        + plan.parallelUploads() + " at once");
    Map<Key, Accepted> winners = new ShardUploads(wire, plan.parallelUploads()).run(pending, replacer,
        (u, outcome, done, total) -> progress.stage("upload", done, total, "part " + u.part() + " shard "
            + u.shard() + " on " + u.operator().operator() + ": " + outcome));

    Map<Long, Signature> acceptances = new HashMap<>();
    List<Slot> activated = new ArrayList<>();
    winners.values().forEach(a -> {
      acceptances.put(a.upload().deal().id(), a.signature());
      activated.add(new Slot(a.upload().part(), a.upload().shard(), a.upload().deal().id()));
    });
    progress.stage("activate", 0, acceptances.size(), acceptances.size() + " deals in one transaction");
    chain.activate(acceptances);
    transactions[0]++;
    journal.activated(activated);
    progress.stage("activate", acceptances.size(), acceptances.size(), "active");

    List<Long> losers = proposed.keySet().stream().filter(id -> !acceptances.containsKey(id)).sorted().toList();
    if (!losers.isEmpty()) {
      progress.stage("cancel", 0, losers.size(), "cancelling " + losers.size() + " proposals that lost their race");
      chain.cancel(losers);
      transactions[0]++;
      journal.cancelled(losers);
    }
    Manifest stored = withDealHints(manifest, activated);
    ManifestFile.write(manifestOut, stored);
    removeSpool(plan.encoded());
    progress.stage("manifest", 1, 1, "written to " + manifestOut);
    return new PutResult(manifestOut, stored, activated.stream().map(Slot::deal).sorted().toList(), losers,
        plan.costPerEpoch(), transactions[0]);
  }

  private static void addProposal(PutPlan plan, ManifestPart part, int shard, Assignment a, List<Proposal> proposals,
      List<Key> keys, List<RegisteredOperator> whom) {
    ManifestShard s = part.shards().get(shard);
    proposals.add(new Proposal(a.operator(), new ShardCommitment(s.root(), s.size(), s.segmentSize()), plan.samples(),
        a.pricePerEpoch(), plan.firstEpoch(), plan.lastEpoch()));
    keys.add(new Key(part.index(), shard));
    whom.add(plan.endpoints().get(a.operator()));
  }

  private Manifest withDealHints(Manifest manifest, List<Slot> activated) {
    Map<Key, Long> byShard = new HashMap<>();
    activated.forEach(s -> byShard.put(new Key(s.part(), s.shard()), s.deal()));
    List<ManifestPart> parts = new ArrayList<>();
    for (ManifestPart p : manifest.parts()) {
      List<ManifestShard> shards = new ArrayList<>();
      for (ManifestShard s : p.shards()) {
        Long deal = byShard.get(new Key(p.index(), s.index()));
        shards.add(new ManifestShard(s.index(), s.root(), s.size(), s.segmentSize(),
            deal == null ? s.deals() : List.of(BigInteger.valueOf(deal))));
      }
      parts.add(new ManifestPart(p.index(), p.ciphertextLength(), p.dataShards(), p.parityShards(), p.shareSize(),
          shards));
    }
    return ManifestSignature.sign(manifest.withParts(parts), owner);
  }

  private String cleanUp(PutJournal journal, Set<Long> proposals, EncodedFile encoded, int[] transactions) {
    List<String> done = new ArrayList<>();
    List<Long> open = proposals.stream().sorted().toList();
    if (!open.isEmpty()) {
      try {
        chain.cancel(open);
        transactions[0]++;
        journal.cancelled(open);
        journal.done();
        done.add("cancelled " + open.size() + " proposals " + open + " (their escrow is refunded)");
      } catch (IOException e) {
        done.add("could NOT cancel proposals " + open + ": " + e.getMessage() + " (the journal keeps them; run the"
            + " put again to retry)");
      }
    } else {
      try {
        journal.done();
      } catch (IOException ignored) {
        // nothing was proposed: the journal only names roots
      }
    }
    try {
      done.add("removed " + removeSpool(encoded) + " spooled shard files");
    } catch (IOException e) {
      done.add("could not remove the spooled shards: " + e.getMessage());
    }
    return String.join("; ", done);
  }

  private static int removeSpool(EncodedFile encoded) throws IOException {
    int removed = 0;
    for (Path shard : encoded.shardFiles()) {
      if (Files.deleteIfExists(shard)) {
        removed++;
      }
    }
    return removed;
  }

  /**
   * Finishes or cleans up a put to {@code manifestOut} that was interrupted (its journal is there): cancels every
   * open proposal it made (found by root when it died before recording the ids) and removes its spooled shards; a
   * put that had activated its deals keeps them. Returns what it did, or empty when there was nothing to recover.
   */
  public static Optional<String> recover(OwnerChain chain, Path manifestOut) throws IOException {
    Path journalFile = PutJournal.of(manifestOut);
    if (!Files.exists(journalFile)) {
      return Optional.empty();
    }
    PutJournal.State state = PutJournal.read(journalFile);
    List<String> did = new ArrayList<>();
    if (!state.done()) {
      Set<Long> activated = new LinkedHashSet<>();
      state.activated().forEach(s -> activated.add(s.deal()));
      Set<Long> open = new LinkedHashSet<>();
      for (Deal d : chain.openProposals(state.roots())) {
        open.add(d.id());
      }
      state.proposed().stream().map(Slot::deal).filter(id -> !activated.contains(id) && !state.cancelled()
          .contains(id)).forEach(open::add);
      open.removeAll(activated);
      if (!open.isEmpty()) {
        List<Long> ids = open.stream().sorted().toList();
        chain.cancel(ids);
        did.add("cancelled " + ids.size() + " open proposals " + ids);
      }
      if (!activated.isEmpty() && !Files.exists(manifestOut)) {
        did.add("the deals " + activated + " were activated but the manifest was not written; they stay active "
            + "(end them with 'rm' once a manifest exists, or let them run out)");
      }
      if (state.spool() != null && Files.isDirectory(state.spool())) {
        int removed = 0;
        try (var files = Files.list(state.spool())) {
          for (Path f : files.toList()) {
            if (f.getFileName().toString().matches(state.fileId() + "\\.p[0-9]+\\.s[0-9]+")) {
              Files.delete(f);
              removed++;
            }
          }
        }
        did.add("removed " + removed + " spooled shard files from " + state.spool());
      }
    }
    Files.delete(journalFile);
    return Optional.of(did.isEmpty() ? "the earlier put had finished" : String.join("; ", did));
  }
}
