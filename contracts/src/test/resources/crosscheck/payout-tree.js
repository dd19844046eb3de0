// Reference for PayoutTreeCrossCheckIT: prints @openzeppelin/merkle-tree's root and proofs for the entries in the
// JSON file given as the only argument ([["0xaddress", "amount"], ...]). Run from contracts/ so node finds the
// package in node_modules.
const fs = require("fs");
const { StandardMerkleTree } = require("@openzeppelin/merkle-tree");
const entries = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const tree = StandardMerkleTree.of(entries, ["address", "uint256"]);
const proofs = {};
for (const [i, v] of tree.entries()) proofs[v[0].toLowerCase()] = tree.getProof(i);
process.stdout.write(JSON.stringify({ root: tree.root, proofs }));
