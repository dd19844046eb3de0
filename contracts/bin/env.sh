# Sourced by the scripts in bin/: locates the native foundry binaries that npm installed and points
# forge at the solc-js shim (tools/solc) with an absolute path, offline.
contracts_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-amd64 ;;
  Linux-aarch64 | Linux-arm64) platform=linux-arm64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  Darwin-x86_64) platform=darwin-amd64 ;;
  *) echo "unsupported platform $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
forge_bin="$contracts_dir/node_modules/@foundry-rs/forge-$platform/bin/forge"
if [ ! -x "$forge_bin" ]; then
  echo "forge not found at $forge_bin: run 'npm ci' in contracts/ (optional dependencies included)" >&2
  exit 1
fi
export FOUNDRY_SOLC="$contracts_dir/tools/solc"
export FOUNDRY_OFFLINE=true
cd "$contracts_dir"
