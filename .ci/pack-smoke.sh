#!/usr/bin/env bash
# The package is real: pack it, install the tarball into an empty folder, run both commands from there.
# Fails loudly (non-zero exit, a FAIL line) when anything differs from the expected exit codes.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/f-diagnose-pack.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() { echo "pack-smoke: FAIL: $*" >&2; exit 1; }

echo "pack-smoke: npm pack"
tarball=$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)
[ -f "$work/$tarball" ] || fail "npm pack produced no tarball"
echo "pack-smoke: packed $tarball ($(du -k "$work/$tarball" | cut -f1) KiB)"

app="$work/app"
mkdir -p "$app"
cd "$app"
npm init -y >/dev/null
# The optional native TensorFlow binding downloads libtensorflow at install time; without network it must not matter.
npm install --no-audit --no-fund --loglevel=error "$work/$tarball" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; fail "npm install of the tarball failed"; }

# A user's repository: the example configs and their loss files, outside the package's own tree.
cp -R "$root/fixtures/check" "$app/losses"

expect() {
  local want=$1; shift
  local got=0
  "$@" >"$work/out.txt" 2>&1 || got=$?
  if [ "$got" != "$want" ]; then
    cat "$work/out.txt" >&2
    fail "'$*' exited $got, expected $want"
  fi
  echo "pack-smoke: ok (exit $got): $*"
}

expect 0 npx --no-install f-diagnose --version
expect 0 npx --no-install f-diagnose scan --samples 256
expect 0 npx --no-install f-diagnose check --config losses/passing.config.json --samples 256
expect 1 npx --no-install f-diagnose check --config losses/failing.config.json --samples 256
expect 2 npx --no-install f-diagnose check --config losses/no-such.config.json
# The shipped schema is where the docs say it is.
[ -f node_modules/f-diagnose/schema/f-diagnose.config.schema.json ] || fail "schema/f-diagnose.config.schema.json is not in the package"

echo "pack-smoke: the packed tarball installs and runs"
