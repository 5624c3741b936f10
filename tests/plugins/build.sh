#!/usr/bin/env bash
# Builds the test plugins into wasm/ (committed, so `cargo test` runs without a wasm toolchain;
# CI rebuilds them). --check: rebuild and compare — only meaningful in the same checkout folder:
# the SDK is a path dependency outside this workspace, so its absolute path enters the crate
# hashes and with them the code layout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
check=0
[ "${1:-}" = "--check" ] && check=1
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
repo="$(cd ../.. && pwd)"
export CARGO_INCREMENTAL=0
export RUSTFLAGS="--remap-path-prefix=$repo=/vbhc --remap-path-prefix=$cargo_home=/cargo"
export CARGO_TARGET_DIR="$here/target"
out="$here/target/out"
mkdir -p "$out" wasm
build() { # name crate [feature]
  if [ -n "${3:-}" ]; then
    cargo build --locked --release --target wasm32-wasip2 -p "$2" --features "$3" -q
  else
    cargo build --locked --release --target wasm32-wasip2 -p "$2" -q
  fi
  cp "target/wasm32-wasip2/release/$2.wasm" "$out/$1.wasm"
}
for f in loop memory panic huge-list huge-string recursion bigstack import bad-code sleep \
  nonchar slot-control label organ escape long-place; do
  build "hostile-$f" hostile "$f"
done
build api-two api2
build probe probe
status=0
for w in "$out"/*.wasm; do
  n="$(basename "$w")"
  if [ $check = 1 ]; then
    cmp -s "$w" "wasm/$n" || { echo "test plugin $n differs from the committed one" >&2; status=1; }
  else
    cp "$w" "wasm/$n"
  fi
done
[ $status = 0 ] && echo "test plugins: $(ls wasm | wc -l) built"
exit $status
