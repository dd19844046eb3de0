package org.shardledger.protocol.payout;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.AbiWords;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Keccak256;

/**
 * The cumulative payout tree: exactly OpenZeppelin's {@code StandardMerkleTree.of(entries, ["address",
 * "uint256"])}. Leaf = keccak256(keccak256(abi.encode(account, amount))); leaves sorted by hash; the tree is a
 * complete binary tree in an array (leaf i at index size − 1 − i); a node is keccak256 of its two children in
 * ascending order. Zero balances are left out; an empty tree has root 0x0.
 */
public final class PayoutTree {
  private final Bytes32[] nodes;
  private final Map<Address, Integer> index;
  private final Map<Address, BigInteger> amounts;

  private PayoutTree(Bytes32[] nodes, Map<Address, Integer> index, Map<Address, BigInteger> amounts) {
    this.nodes = nodes;
    this.index = index;
    this.amounts = amounts;
  }

  public static PayoutTree of(Map<Address, BigInteger> cumulative) {
    record Leaf(Address account, BigInteger amount, Bytes32 hash) {}
    List<Leaf> leaves = new ArrayList<>();
    Map<Address, BigInteger> amounts = new HashMap<>();
    for (Map.Entry<Address, BigInteger> e : cumulative.entrySet()) {
      if (e.getValue().signum() < 0) {
        throw new IllegalArgumentException("negative amount for " + e.getKey());
      }
      if (e.getValue().signum() > 0) {
        leaves.add(new Leaf(e.getKey(), e.getValue(), leafHash(e.getKey(), e.getValue())));
        amounts.put(e.getKey(), e.getValue());
      }
    }
    leaves.sort((a, b) -> a.hash().compareTo(b.hash()));
    int n = leaves.size();
    Bytes32[] nodes = new Bytes32[Math.max(0, 2 * n - 1)];
    Map<Address, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      nodes[nodes.length - 1 - i] = leaves.get(i).hash();
      index.put(leaves.get(i).account(), nodes.length - 1 - i);
    }
    for (int i = nodes.length - 1 - n; i >= 0; i--) {
      nodes[i] = hashPair(nodes[2 * i + 1], nodes[2 * i + 2]);
    }
    return new PayoutTree(nodes, index, amounts);
  }

  public static Bytes32 leafHash(Address account, BigInteger amount) {
    return Keccak256.hash(new AbiWords().address(account).uint(amount).keccak().toArray());
  }

  static Bytes32 hashPair(Bytes32 a, Bytes32 b) {
    return a.compareTo(b) <= 0 ? new AbiWords().word(a).word(b).keccak() : new AbiWords().word(b).word(a).keccak();
  }

  /** The root the contract stores; 0x0 for an empty tree. */
  public Bytes32 root() {
    return nodes.length == 0 ? Bytes32.ZERO : nodes[0];
  }

  public int size() {
    return index.size();
  }

  public Map<Address, BigInteger> amounts() {
    return Collections.unmodifiableMap(amounts);
  }

  /** The cumulative amount of an account, zero when it has none. */
  public BigInteger amountOf(Address account) {
    return amounts.getOrDefault(account, BigInteger.ZERO);
  }

  /** The proof of an account's leaf, siblings from the leaf up (what OpenZeppelin's MerkleProof takes). */
  public Optional<List<Bytes32>> proof(Address account) {
    Integer i = index.get(account);
    if (i == null) {
      return Optional.empty();
    }
    List<Bytes32> proof = new ArrayList<>();
    for (int j = i; j > 0; j = (j - 1) / 2) {
      proof.add(nodes[j % 2 == 1 ? j + 1 : j - 1]);
    }
    return Optional.of(List.copyOf(proof));
  }

  /** OpenZeppelin's MerkleProof.verify for a payout leaf. */
  public static boolean verify(Bytes32 root, Address account, BigInteger amount, List<Bytes32> proof) {
    Bytes32 h = leafHash(account, amount);
    for (Bytes32 sibling : proof) {
      h = hashPair(h, sibling);
    }
    return h.equals(root);
  }
}
