'use strict';
// Compiles the deployable contracts with the pinned solc-js, using exactly the compiler settings of
// foundry.toml's default profile (optimizer, runs, evm_version, via_ir, bytecode_hash, cbor_metadata,
// remappings), and writes target/solc/<Contract>.abi (JSON ABI) and target/solc/<Contract>.bin (creation
// bytecode, hex without 0x) for web3j's code generator. Fails when any deployable contract's runtime code is
// larger than MAX_RUNTIME_BYTES.
// Usage: node tools/compile.js [--verify]   (--verify: also compare with forge's own build in target/forge-out)
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const solc = require(path.join(root, 'node_modules', 'solc'));
const DEPLOYABLE = ['StorageCredit', 'ShardLedger', 'DisputeCourt', 'KeyRegistry'];
/** Largest runtime any contract may have: EIP-170 allows 24,576 bytes; this keeps room to grow (DESIGN.md). */
const MAX_RUNTIME_BYTES = 23000;

/** The scalar and string-array keys of foundry.toml's [profile.default] table. */
function foundryDefaults() {
  const text = fs.readFileSync(path.join(root, 'foundry.toml'), 'utf8');
  const values = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const header = line.match(/^\[(.+)\]$/);
    if (header) {
      section = header[1];
      continue;
    }
    const kv = line.match(/^([A-Za-z_]+)\s*=\s*(.+)$/);
    if (section !== 'profile.default' || !kv) continue;
    try {
      values[kv[1]] = JSON.parse(kv[2]);
    } catch {
      // inline tables (fs_permissions) are not needed here
    }
  }
  return values;
}

function sourcesUnder(dir) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourcesUnder(rel));
    else if (entry.name.endsWith('.sol')) out.push(rel);
  }
  return out;
}

const config = foundryDefaults();
const remappings = config.remappings || [];
const settings = {
  remappings,
  optimizer: { enabled: config.optimizer === true, runs: config.optimizer_runs },
  evmVersion: config.evm_version,
  viaIR: config.via_ir === true,
  metadata: { bytecodeHash: config.bytecode_hash || 'ipfs', appendCBOR: config.cbor_metadata !== false },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};
const sources = {};
for (const file of sourcesUnder(config.src)) {
  sources[file] = { content: fs.readFileSync(path.join(root, file), 'utf8') };
}
const input = { language: 'Solidity', sources, settings };

function findImport(importPath) {
  let resolved = importPath;
  for (const mapping of remappings) {
    const [prefix, target] = mapping.split('=');
    if (importPath.startsWith(prefix)) resolved = target + importPath.slice(prefix.length);
  }
  const file = path.join(root, resolved);
  return fs.existsSync(file) ? { contents: fs.readFileSync(file, 'utf8') } : { error: `not found: ${importPath}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) {
  const file = (e.sourceLocation && e.sourceLocation.file) || '';
  if (e.severity === 'error' || !file.startsWith('node_modules/')) process.stderr.write(e.formattedMessage + '\n');
}
if (errors.length > 0) process.exit(1);

const outDir = path.join(root, 'target', 'solc');
fs.mkdirSync(outDir, { recursive: true });
let mismatches = 0;
for (const name of DEPLOYABLE) {
  const unit = Object.keys(output.contracts).find((u) => output.contracts[u][name] && path.basename(u) === `${name}.sol`);
  if (!unit) {
    process.stderr.write(`no contract ${name} in the output\n`);
    process.exit(1);
  }
  const contract = output.contracts[unit][name];
  fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(contract.abi));
  fs.writeFileSync(path.join(outDir, `${name}.bin`), contract.evm.bytecode.object);
  const runtime = contract.evm.deployedBytecode.object.length / 2;
  console.log(`${name}: ${contract.evm.bytecode.object.length / 2} bytes of creation code, ${runtime} bytes of runtime -> target/solc/${name}.{abi,bin}`);
  if (runtime > MAX_RUNTIME_BYTES) {
    process.stderr.write(`${name}: runtime code is ${runtime} bytes, above the limit of ${MAX_RUNTIME_BYTES}\n`);
    mismatches++;
  }
  if (process.argv.includes('--verify')) {
    const artifact = path.join(root, config.out, `${name}.sol`, `${name}.json`);
    const forged = JSON.parse(fs.readFileSync(artifact, 'utf8')).bytecode.object.replace(/^0x/, '');
    if (forged !== contract.evm.bytecode.object) {
      process.stderr.write(`${name}: bytecode differs from forge's build (${artifact})\n`);
      mismatches++;
    } else {
      console.log(`${name}: identical to forge's build`);
    }
  }
}
console.log(`settings: ${JSON.stringify({ optimizer: settings.optimizer, evmVersion: settings.evmVersion, viaIR: settings.viaIR, metadata: settings.metadata })}`);
process.exit(mismatches === 0 ? 0 : 1);
