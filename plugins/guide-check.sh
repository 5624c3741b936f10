#!/usr/bin/env bash
# Proves that PLUGINS.md works from a clean folder and that its build is reproducible
# (issue 13 §7): the guide's own example crate, taken from the guide's code blocks, is built
# with the guide's own build command in two different folders, against the SDK as a git
# dependency pinned to a commit, and the two .wasm files must be byte for byte the same.
#
#   plugins/guide-check.sh             the repository this script lives in
#   VBHC_REPO=/other/clone plugins/guide-check.sh
#
# What is built is the repository's HEAD commit: the SDK can only be a git dependency on a
# commit, and the guide is read from that same commit so both always agree. Uncommitted
# changes to PLUGINS.md or plugins/ are NOT tested (a note says so): commit them first.
#
# Offline after the first run: crates.io downloads are kept in /tmp/vbhc-guide/cargo-cache
# and reused; the SDK comes from a local bare repository.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${VBHC_REPO:-$here/..}" && pwd)"
SECONDS=0

# A fixed place: the SDK's git URL is part of its identity (in Cargo.lock and the crate
# hashes), exactly as `<địa chỉ kho vbhc>` is for a reader of the guide. The same URL in both
# builds is what a real release gives every machine.
work=/tmp/vbhc-guide
url="file://$work/vbhc.git"
cache="$work/cargo-cache"

fail() { echo "guide-check: $*" >&2; exit 1; }

rev="$(git -C "$repo" rev-parse --verify HEAD^{commit})"
if [ -n "$(GIT_OPTIONAL_LOCKS=0 git -C "$repo" status --porcelain -- PLUGINS.md plugins/sdk plugins/wit plugins/Cargo.lock)" ]; then
  echo "guide-check: note: uncommitted changes to PLUGINS.md or the SDK are not tested; this checks commit $rev" >&2
fi

# Everything but the download cache is made anew on each run.
mkdir -p "$work"
find "$work" -mindepth 1 -maxdepth 1 ! -name cargo-cache -exec rm -rf {} +

# 1. The repository as a reader would reach it: a bare repository behind a URL. HEAD may be a
# detached commit that no branch holds: then it is pushed into the bare copy explicitly.
git clone -q --bare "$repo" "$work/vbhc.git"
if ! git -C "$work/vbhc.git" cat-file -e "$rev^{commit}" 2>/dev/null; then
  git -C "$repo" push -q "$work/vbhc.git" "$rev:refs/heads/guide-check"
fi

# 2. The guide's example, from its marked code blocks (`<!-- guide:NAME -->` right before a
# fenced block): the code a reader copies is the code compiled here.
guide="$work/PLUGINS.md"
git -C "$repo" show "$rev:PLUGINS.md" >"$guide"
block() { # NAME: the fenced block after the marker `<!-- guide:NAME -->`
  local out
  out="$(awk -v want="<!-- guide:$1 -->" '
    $0 == want { n++; armed = 1; next }
    armed && !inside && /^```/ { inside = 1; next }
    armed && !inside && NF { bad = 1; exit }
    inside && /^```[[:space:]]*$/ { inside = 0; armed = 0; next }
    inside && armed { print }
    END { if (bad || n != 1) exit 3 }' "$guide")" ||
    fail "PLUGINS.md at $rev: the marker <!-- guide:$1 --> must appear once, right before a fenced code block"
  [ -n "$out" ] || fail "PLUGINS.md at $rev: the block after <!-- guide:$1 --> is empty"
  printf '%s\n' "$out"
}
src="$work/src"
mkdir -p "$src/src"
# 3. The placeholders a release or the reader fills in: the repository's address and the
# commit of the SDK.
block Cargo.toml | sed -e "s|<địa chỉ kho vbhc>|$url|g" -e "s|<mã commit>|$rev|g" >"$src/Cargo.toml"
block src/lib.rs >"$src/src/lib.rs"
build_cmd="$(block build)"
manifest_cmd="$(block manifest)"
grep -q "git = \"$url\", rev = \"$rev\"" "$src/Cargo.toml" ||
  fail "the guide's Cargo.toml does not name the SDK as { git = \"<địa chỉ kho vbhc>\", rev = \"<mã commit>\" }"
! grep -n '<[^>]*>' "$src/Cargo.toml" || fail "a placeholder is left in the guide's Cargo.toml"

# The lock file: the reader's `cargo fetch` writes one and keeps it with the sources. Here it
# starts from the repository's own plugins/Cargo.lock, so the example uses the crate versions
# the repository builds and tests, and needs no registry look-up once they are downloaded.
# It is made once and copied to both folders: the same sources, Cargo.lock included.
git -C "$repo" show "$rev:plugins/Cargo.lock" >"$src/Cargo.lock"
rustup_home="${RUSTUP_HOME:-$HOME/.rustup}"
clean_env=(env -i "PATH=$PATH" "RUSTUP_HOME=$rustup_home" "LANG=C.UTF-8")
[ -n "${RUSTUP_TOOLCHAIN:-}" ] && clean_env+=("RUSTUP_TOOLCHAIN=$RUSTUP_TOOLCHAIN")
# Cargo's offline mode would refuse the git dependency even from a local path, so this fetch
# runs in normal mode: it goes to crates.io only for archives the cache does not hold yet
# (the first run), and the git dependency comes from the bare repository.
rm -rf "$cache/git"
mkdir -p "$cache"
(cd "$src" && "${clean_env[@]}" "HOME=$work" "CARGO_HOME=$cache" cargo fetch -q) ||
  fail "cargo fetch failed (the first run needs crates.io)"

# 4. Two builds that differ in everything a second machine differs in: the crate's folder
# (and so its target folder), the home folder, and cargo's home — under $HOME/.cargo in A
# (CARGO_HOME unset, the guide's default), set elsewhere in B. Each cargo home gets its own
# copy of the downloaded archives and unpacks them itself, so the sources of every crate sit
# at a different path in each build. Same in both: the SDK's URL and commit, Cargo.lock,
# rustc. The build itself runs offline (CARGO_NET_OFFLINE), in an otherwise empty environment
# (no RUSTFLAGS, CARGO_TARGET_DIR … from the caller).
build() { # NAME CRATE_DIR HOME CARGO_HOME_OR_EMPTY
  local name="$1" dir="$2" home="$3" cargo_home="$4"
  local e=("${clean_env[@]}" "HOME=$home")
  [ -n "$cargo_home" ] && e+=("CARGO_HOME=$cargo_home")
  local ch="${cargo_home:-$home/.cargo}"
  mkdir -p "$(dirname "$dir")" "$home" "$ch/registry"
  cp -r "$src" "$dir"
  cp -a "$cache/registry/index" "$cache/registry/cache" "$ch/registry/"
  (cd "$dir" && "${e[@]}" cargo fetch -q --locked) ||
    fail "build $name: cargo fetch from the local repository failed"
  echo "build $name: $dir (cargo home $ch)"
  (cd "$dir" && "${e[@]}" CARGO_NET_OFFLINE=true bash -euo pipefail -c "$build_cmd") ||
    fail "build $name: the guide's build command failed"
  (cd "$dir" && "${e[@]}" bash -euo pipefail -c "$manifest_cmd") ||
    fail "build $name: the guide's manifest command failed"
  [ -s "$dir/dist/bac-kan.wasm" ] || fail "build $name: no dist/bac-kan.wasm"
}
build A "$work/a/bac-kan" "$work/a/home" ""
build B "$work/b/deeper/bac-kan" "$work/b/home" "$work/b/deeper/cargo-home"

# 5. Byte for byte.
a="$work/a/bac-kan/dist"
b="$work/b/deeper/bac-kan/dist"
sha_a="$(sha256sum "$a/bac-kan.wasm" | cut -d' ' -f1)"
sha_b="$(sha256sum "$b/bac-kan.wasm" | cut -d' ' -f1)"
echo "A: $sha_a  $(stat -c %s "$a/bac-kan.wasm") bytes"
echo "B: $sha_b  $(stat -c %s "$b/bac-kan.wasm") bytes"
if ! cmp -s "$a/bac-kan.wasm" "$b/bac-kan.wasm"; then
  n="$(cmp -l "$a/bac-kan.wasm" "$b/bac-kan.wasm" 2>/dev/null | wc -l || true)"
  fail "NOT reproducible: the guide's build gives different .wasm files in two folders ($n bytes differ)"
fi
# The audit found the SDK checkout's absolute path (with the officer's user name) inside the
# shipped wasm: no folder of either build may appear in it.
! grep -aq -e "$work" "$a/bac-kan.wasm" "$b/bac-kan.wasm" || fail "a build folder ($work/…) is written in the .wasm"
grep -qx "sha256 = \"$sha_a\"" "$a/plugin.toml" || fail "the guide's plugin.toml does not hold the wasm's SHA-256"
cmp -s "$a/plugin.toml" "$b/plugin.toml" || fail "the guide's plugin.toml differs between the two folders"
# Keep the two dist/ folders to look at; the build trees and cargo homes (about 600 MB) go.
rm -rf "$work/a/bac-kan/target" "$work/b/deeper/bac-kan/target" "$work/a/home" "$work/b/home" \
  "$work/b/deeper/cargo-home"
echo "guide-check: PLUGINS.md at ${rev:0:12}: the same .wasm in both folders (${SECONDS} s)"
