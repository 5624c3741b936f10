#!/usr/bin/env bash
# Builds the province plugins of this repository for wasm32-wasip2, reproducibly, into
# dist/<id>/ (the .wasm, plugin.toml with its SHA-256, and the signature when signing), and
# the test plugins (test-plugins/: hostile ones, one misbehaviour per feature, a probe, one
# for interface 2) into ../tests/plugins/wasm/, where vbhc's tests load them.
#
#   plugins/build.sh                 build, write dist/<id>/plugin.toml
#   plugins/build.sh --sign KEY      also sign each plugin.toml with the minisign secret KEY
#   plugins/build.sh --check         rebuild and fail unless every .wasm is byte for byte the
#                                    committed one (its hash is the one plugin.toml names);
#                                    writes nothing
#
# Reproducible: locked dependencies, and the build folder and cargo's home remapped to fixed
# names, so the hash is the same on any machine with the same toolchain (rustc 1.95).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

mode=build
key=""
while [ $# -gt 0 ]; do
  case "$1" in
    --check) mode=check ;;
    --sign) key="$2"; shift ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

# id | crate | name | province
plugins=(
  "lang-son|lang_son|Lạng Sơn|Lạng Sơn"
  "ca-mau|ca_mau|Cà Mau|Cà Mau"
)

cargo_home="${CARGO_HOME:-$HOME/.cargo}"
export CARGO_INCREMENTAL=0
export RUSTFLAGS="--remap-path-prefix=$here=/vbhc/plugins --remap-path-prefix=$cargo_home=/cargo"
export CARGO_TARGET_DIR="$here/target"
cargo build --locked --release --target wasm32-wasip2 -p lang-son -p ca-mau

api="$(sed -n 's/^package vbhc:plugin@\(.*\);$/\1/p' wit/v1/plugin.wit)"
status=0
for p in "${plugins[@]}"; do
  IFS='|' read -r id crate name province <<<"$p"
  built="target/wasm32-wasip2/release/$crate.wasm"
  version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$id/Cargo.toml" | head -1)"
  sha="$(sha256sum "$built" | cut -d' ' -f1)"
  dist="dist/$id"
  if [ "$mode" = check ]; then
    want="$(sed -n 's/^sha256 = "\(.*\)"$/\1/p' "$dist/plugin.toml")"
    if [ "$sha" = "$want" ] && cmp -s "$built" "$dist/$id.wasm"; then
      echo "$id $version: $sha (same as committed)"
    else
      echo "$id $version: built $sha, committed plugin.toml says $want: NOT reproducible" >&2
      status=1
    fi
    continue
  fi
  mkdir -p "$dist"
  cp "$built" "$dist/$id.wasm"
  cat >"$dist/plugin.toml" <<TOML
id = "$id"
name = "$name"
version = "$version"
province = "$province"
api = "$api"
wasm = "$id.wasm"
sha256 = "$sha"
TOML
  if [ -n "$key" ]; then
    rm -f "$dist/plugin.toml.minisig"
    minisign -S -s "$key" -m "$dist/plugin.toml" -x "$dist/plugin.toml.minisig" \
      -t "vbhc plugin $id $version" </dev/null >/dev/null
  fi
  echo "$id $version: $sha"
done

# The test plugins: one build of `hostile` per misbehaviour (its features), the probe, and a
# plugin of interface 2.
tests="$here/../tests/plugins/wasm"
out="$here/target/test-plugins"
mkdir -p "$out" "$tests"
for f in loop memory panic huge-list huge-string recursion bigstack import bad-code sleep \
  nonchar slot-control label organ escape long-place; do
  cargo build --locked --release --target wasm32-wasip2 -p hostile --features "$f" -q
  cp target/wasm32-wasip2/release/hostile.wasm "$out/hostile-$f.wasm"
done
cargo build --locked --release --target wasm32-wasip2 -p probe -p api2 -q
cp target/wasm32-wasip2/release/probe.wasm "$out/probe.wasm"
cp target/wasm32-wasip2/release/api2.wasm "$out/api-two.wasm"
for w in "$out"/*.wasm; do
  n="$(basename "$w")"
  if [ "$mode" = check ]; then
    cmp -s "$w" "$tests/$n" || { echo "test plugin $n differs from the committed one" >&2; status=1; }
  else
    cp "$w" "$tests/$n"
  fi
done
[ "$mode" = check ] && [ $status = 0 ] && echo "test plugins: $(ls "$out" | wc -l), same as committed"
exit $status
