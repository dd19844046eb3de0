'use strict';
// Backend of tools/solc: answers like a native solc for --version and --standard-json.
const fs = require('fs');
const path = require('path');

const contractsDir = path.resolve(__dirname, '..');
const solc = require(path.join(contractsDir, 'node_modules', 'solc'));

const args = process.argv.slice(2);

if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write('solc, the solidity compiler commandline interface\n');
  process.stdout.write(`Version: ${solc.version()}\n`);
  process.exit(0);
}

if (!args.includes('--standard-json')) {
  process.stderr.write('tools/solc: only --version and --standard-json are supported\n');
  process.exit(2);
}

const basePathIndex = args.indexOf('--base-path');
const basePath = basePathIndex >= 0 ? args[basePathIndex + 1] : process.cwd();

function findImport(importPath) {
  const candidates = [path.resolve(basePath, importPath), path.resolve(contractsDir, importPath)];
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) {
      return { contents: fs.readFileSync(candidate, 'utf8') };
    }
  }
  return { error: `File not found: ${importPath}` };
}

const input = fs.readFileSync(0, 'utf8');
let output = solc.compile(input, { import: findImport });
// solc-js may prefix its JSON with a notice line (">>> Cannot retry compilation with SMT ...").
const start = output.indexOf('{');
if (start > 0) {
  output = output.slice(start);
}
process.stdout.write(output);
