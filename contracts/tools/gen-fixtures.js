'use strict';
// Writes solidity/test/fixtures/*.json: challenge, RFC 9162 proof and payout-tree vectors made by an
// implementation independent of both the Solidity and the Java code (Node's crypto, BigInt and
// @openzeppelin/merkle-tree), in the formats of the repo-level testvectors/ files.
// Run: node tools/gen-fixtures.js   (deterministic; the output is committed)
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { StandardMerkleTree } = require('@openzeppelin/merkle-tree');

const outDir = path.join(__dirname, '..', 'solidity', 'test', 'fixtures');
const sha256 = (...parts) => crypto.createHash('sha256').update(Buffer.concat(parts)).digest();
const hex = (buf) => '0x' + Buffer.from(buf).toString('hex');
const word = (big) => Buffer.from(big.toString(16).padStart(64, '0'), 'hex');
const tag = (s) => Buffer.concat([Buffer.from(s, 'ascii'), Buffer.alloc(32 - s.length)]);

// Deterministic bytes: SHA-256 in counter mode over a seed.
function bytes(seed, length) {
  const out = [];
  for (let i = 0; out.length * 32 < length; i++) out.push(sha256(Buffer.from(`${seed}:${i}`)));
  return Buffer.concat(out).subarray(0, length);
}

// ---- challenges -------------------------------------------------------------------------------
function challengeIndices(tagBuf, beacon, chainId, dealId, epoch, n, k) {
  const TWO256 = 1n << 256n;
  const limit = BigInt(n) * (TWO256 / BigInt(n));
  const out = [];
  for (let j = 0n; out.length < k; j++) {
    const x = BigInt(hex(sha256(tagBuf, beacon, word(BigInt(chainId)), word(BigInt(dealId)), word(BigInt(epoch)), word(j))));
    if (x < limit) out.push(Number(x % BigInt(n)));
  }
  return out;
}

const challengeCases = [
  ['shardledger.challenge.v1', 31337, 1, 5, 1000, 8],
  ['shardledger.challenge.v1', 31337, 1, 6, 1000, 8],
  ['shardledger.challenge.v1', 1, 1, 5, 1000, 8],
  ['shardledger.challenge.v1', 31337, 2, 5, 1, 4],
  ['shardledger.challenge.v1', 31337, 3, 0, 2, 16],
  ['shardledger.challenge.v1', 31337, 4, 7, 3, 16],
  ['shardledger.challenge.v1', 31337, 5, 9, 4096, 12],
  ['shardledger.challenge.v1', 31337, 6, 123456789, 16385, 20],
  ['shardledger.challenge.v1', 8453, 7, 42, 4294967311, 8],
  ['shardledger.dispute.v1', 31337, 1, 1, 1000, 4],
  ['shardledger.dispute.v1', 31337, 9, 17, 5, 8],
];
const challenges = challengeCases.map(([t, chainId, dealId, epoch, segments, samples], i) => {
  const beacon = bytes(`beacon-${i}`, 32);
  return {
    tag: hex(tag(t)), beacon: hex(beacon), chainId, dealId, epoch, segments, samples,
    indices: challengeIndices(tag(t), beacon, chainId, dealId, epoch, segments, samples),
  };
});

// ---- RFC 9162 proofs --------------------------------------------------------------------------
const leafHash = (seg) => sha256(Buffer.from([0]), seg);
const nodeHash = (l, r) => sha256(Buffer.from([1]), l, r);
const split = (n) => { let k = 1; while (k * 2 < n) k *= 2; return k; };
function mth(leaves) {
  if (leaves.length === 0) return sha256(Buffer.alloc(0));
  if (leaves.length === 1) return leaves[0];
  const k = split(leaves.length);
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function auditPath(m, leaves) {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...auditPath(m, leaves.slice(0, k)), mth(leaves.slice(k))]
    : [...auditPath(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}
function shard(name, size, segmentSize) {
  const data = bytes(name, size);
  const segments = [];
  for (let off = 0; off < size; off += segmentSize) segments.push(data.subarray(off, Math.min(off + segmentSize, size)));
  const leaves = segments.map(leafHash);
  return { size, segmentSize, segments, leaves, root: mth(leaves) };
}
function vector(name, s, index, segment, pathNodes, valid, reason) {
  return { name, size: s.size, segmentSize: s.segmentSize, root: hex(s.root), index, segment: hex(segment),
    path: pathNodes.map(hex), valid, reason };
}
const proofs = [];
for (const [name, size, segmentSize] of [['single', 100, 256], ['exact', 1024, 256], ['short-last', 1000, 256], ['seven', 1700, 256], ['big', 70000, 1024]]) {
  const s = shard(name, size, segmentSize);
  const n = s.segments.length;
  const picks = [...new Set([0, 1, Math.floor(n / 2), n - 2, n - 1].filter((i) => i >= 0 && i < n))];
  for (const i of picks) proofs.push(vector(`${name}-${i}`, s, i, s.segments[i], auditPath(i, s.leaves), true, 'VALID'));
  const last = n - 1;
  const p = auditPath(last, s.leaves);
  if (p.length > 0) {
    const bad = p.map((x) => Buffer.from(x));
    bad[0][5] ^= 1;
    proofs.push(vector(`${name}-bad-path`, s, last, s.segments[last], bad, false, 'BAD_PATH'));
    proofs.push(vector(`${name}-short-path`, s, last, s.segments[last], p.slice(0, -1), false, 'BAD_PATH'));
    proofs.push(vector(`${name}-long-path`, s, last, s.segments[last], [...p, p[0]], false, 'BAD_PATH'));
    proofs.push(vector(`${name}-wrong-index`, s, 0, s.segments[last], p, false, 'WRONG_INDEX'));
  }
  if (n > 1 && (n & (n - 1)) === 0) {
    // a correct path presented under a larger tree size: only the final sn == 0 check rejects it
    const grown = { ...s, size: s.size + s.segmentSize };
    proofs.push(vector(`${name}-wrong-tree-size`, grown, 0, s.segments[0], auditPath(0, s.leaves), false, 'BAD_PATH'));
  }
  proofs.push(vector(`${name}-index-out-of-range`, s, n, s.segments[last], p, false, 'WRONG_INDEX'));
  const seg = s.segments[last];
  proofs.push(vector(`${name}-truncated`, s, last, seg.subarray(0, seg.length - 1), p, false, 'WRONG_SEGMENT_LENGTH'));
  proofs.push(vector(`${name}-padded`, s, last, Buffer.concat([seg, Buffer.alloc(1)]), p, false, 'WRONG_SEGMENT_LENGTH'));
  proofs.push(vector(`${name}-flipped-byte`, s, last, Buffer.from(seg.map((b, i) => (i === 0 ? b ^ 0x80 : b))), p, false, 'BAD_PATH'));
}

// ---- payout tree (StandardMerkleTree of [address, uint256]) -----------------------------------
const accounts = [];
for (let i = 1; i <= 7; i++) {
  const address = '0x' + bytes(`account-${i}`, 20).toString('hex');
  accounts.push([address, (BigInt(i) * 1000000000000000000n + BigInt(i * 7)).toString()]);
}
const tree = StandardMerkleTree.of(accounts, ['address', 'uint256']);
const payout = {
  description: 'StandardMerkleTree.of(leaves, ["address","uint256"]) from @openzeppelin/merkle-tree, with a proof per leaf',
  root: tree.root,
  leaves: accounts.map(([account, amount]) => ({ account, amount, proof: tree.getProof([account, amount]) })),
};

const write = (file, description, body) =>
  fs.writeFileSync(path.join(outDir, file), JSON.stringify({ description, ...body }, null, 1) + '\n');
write('challenges.json', 'challenge indices from tools/gen-fixtures.js (BigInt reference, not the Java code)', { vectors: challenges });
write('proofs.json', 'RFC 9162 inclusion proofs from tools/gen-fixtures.js (not the Java code)', { vectors: proofs });
fs.writeFileSync(path.join(outDir, 'payout.json'), JSON.stringify(payout, null, 1) + '\n');
console.log(`wrote ${challenges.length} challenge, ${proofs.length} proof and ${accounts.length} payout vectors to ${outDir}`);
