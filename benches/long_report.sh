#!/usr/bin/env bash
# A long báo cáo for measuring the checker: samples/bao-cao.toml with its body (noi_dung)
# repeated N times (default 36: about 1,800 paragraphs), rendered to DOCX with the vbhc on the
# PATH (or VBHC=path). The same drafts benches/check.rs builds in process.
#
#   benches/long_report.sh [N] [OUT_DIR]     → OUT_DIR/bao-cao-xN.toml and .docx
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-36}"
out="${2:-$root/target/long-report}"
vbhc="${VBHC:-vbhc}"
mkdir -p "$out"
toml="$out/bao-cao-x$n.toml"
awk -v n="$n" '
  /^noi_dung = """$/ { print; inside = 1; next }
  inside && /^"""$/ { for (i = 0; i < n; i++) printf "%s", body; print; inside = 0; next }
  inside { body = body $0 "\n"; next }
  { print }
' "$root/samples/bao-cao.toml" > "$toml"
"$vbhc" render --allow-errors "$toml" -o "$out/bao-cao-x$n.docx"
echo "$out/bao-cao-x$n.docx"
