#!/usr/bin/env bash
# Fuzz smoke test: runs each fuzz target for N seconds (default 60) from the committed
# corpus and exits non-zero on any crash, timeout or OOM.
#
#   fuzz/smoke.sh [SECONDS]
#
# Environment:
#   FUZZ_SANITIZER  none (default: Rust code, 4x faster) or address (cargo-fuzz's default)
#   FUZZ_TARGETS    targets to run (default: "docx_reader draft_loader docx_writer")
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --version 0.13.2 --locked`). The toolchain is
# stable: cargo-fuzz passes nightly-only flags (-Zsanitizer, ...), which stable rustc accepts
# with RUSTC_BOOTSTRAP=1, set below for this script only.
set -euo pipefail

secs="${1:-60}"
sanitizer="${FUZZ_SANITIZER:-none}"
targets="${FUZZ_TARGETS:-docx_reader draft_loader docx_writer}"
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "smoke.sh: cargo-fuzz missing: cargo install cargo-fuzz --version 0.13.2 --locked" >&2
    exit 2
fi

# Each sanitizer gets its own target dir, so switching does not rebuild everything.
if [ "$sanitizer" = none ]; then tdir="$here/target/nosan"; else tdir="$here/target"; fi

max_len_of() {
    case "$1" in
        docx_reader) echo 1048576 ;;
        *) echo 65536 ;;
    esac
}

dict_of() {
    case "$1" in
        docx_reader) echo "$here/dict/docx.dict" ;;
        draft_loader|docx_writer) echo "$here/dict/draft.dict" ;;
    esac
}

# cargo-fuzz has no --locked: a stale fuzz/Cargo.lock is caught here instead of being rewritten.
cargo fetch --locked -q
cargo fuzz build -s "$sanitizer" --target-dir "$tdir"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for t in $targets; do
    # New inputs go to a scratch corpus; the committed one is only read.
    mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
    echo "== $t: ${secs}s"
    # The genuine DOCX files live once, in tests/corpus: a second seed corpus for the reader.
    extra=()
    [ "$t" = docx_reader ] && extra=("$here/../tests/corpus/real-docx")
    if ! cargo fuzz run -s "$sanitizer" --target-dir "$tdir" "$t" \
        "$work/$t/corpus" "$here/corpus/$t" "${extra[@]}" -- \
        -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
        -max_len="$(max_len_of "$t")" -dict="$(dict_of "$t")" \
        -artifact_prefix="$work/$t/artifacts/" -print_final_stats=1; then
        status=1
    fi
    if [ -n "$(ls -A "$work/$t/artifacts")" ]; then
        status=1
        mkdir -p "$here/artifacts/$t"
        cp "$work/$t/artifacts/"* "$here/artifacts/$t/"
        echo "smoke.sh: $t found a failing input, kept in fuzz/artifacts/$t/:" >&2
        ls -l "$work/$t/artifacts" >&2
    fi
done
exit "$status"
