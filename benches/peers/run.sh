#!/usr/bin/env bash
# Speed against the tools offices and developers use today, in one run, on the same rows:
# docxtpl (PyPI) and docxtemplater (npm), each filling a DOCX template made from a document
# vbhc rendered (markers in the same places), then vbhc batch at 1 thread and at all threads,
# with checks and plugins on and off. Prints wall times and ratios.
#
#   benches/peers/run.sh [ROWS] [BASE]   (default 1000 rows; BASE cong-van (default), a one-page
#                                          letter, or bao-cao, the five-page report of samples/)
#
# Installs its peers itself into benches/peers/.work (a Python venv, node_modules); needs
# python3 with venv, node and npm. Not part of .ci/run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000}"
base="${2:-cong-van}"
case "$base" in
  cong-van) base_plugin="$here/base-plugin.toml" ;;
  bao-cao) base_plugin="$here/base-bao-cao-plugin.toml" ;;
  *) echo "BASE is cong-van or bao-cao" >&2; exit 2 ;;
esac
work="$here/.work"
mkdir -p "$work"
cd "$work"

if [ ! -x venv/bin/python ]; then
  python3 -m venv venv
  venv/bin/pip install --quiet "docxtpl==0.20.2"
fi
if [ ! -d node_modules/docxtemplater ]; then
  npm install --silent --no-audit --no-fund "docxtemplater@3.71.1" "pizzip@3.3.0" >/dev/null
fi
(cd "$root" && cargo build --release --locked --quiet)
vbhc="$root/target/release/vbhc"
plugin=(--plugin "$root/plugins/dist/lang-son" --trust-key "$root/plugins/keys/demo.pub")
export VBHC_CACHE_DIR="$work/cache" VBHC_CONFIG="$work/no-config.toml" VBHC_DATA_DIR="$work/data"

# The rows.
python3 - "$rows" <<'PY'
import sys
n = int(sys.argv[1])
with open("rows.csv", "w", encoding="utf-8") as f:
    f.write("ten_cong_ty,dia_chi_co_so,ngay_kiem_tra\n")
    for i in range(1, n + 1):
        f.write(f"Hộ kinh doanh số {i},thôn {i % 97},16/3/2026\n")
PY

# The same base without the plugin: what it supplies, written out (the báo cáo names its own
# organ, place and recipients already).
sed -e '/^plugin = /d' "$base_plugin" > base-no-plugin.toml
if [ "$base" = cong-van ]; then
cat >> base-no-plugin.toml <<'TOML'

[co_quan]
ten = ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]
viet_tat = "UBND"
TOML
sed -i -e 's/^luu = .*/luu = "VT, KT"\ndia_danh = "Lạng Sơn"\nnoi_nhan = ["CT, các PCT UBND tỉnh", "C, PCVP UBND tỉnh, các phòng CV"]/' base-no-plugin.toml
fi

# The peers' templates, from a document vbhc rendered with markers for the row's values.
printf 'ten_cong_ty,dia_chi_co_so,ngay_kiem_tra\nMARKTEN_CONG_TYMARK,MARKDIA_CHI_CO_SOMARK,MARKNGAY_KIEM_TRAMARK\n' > marker.csv
rm -rf marker && "$vbhc" "${plugin[@]}" batch marker.csv --draft "$base_plugin" --out marker --name marker >/dev/null 2>&1
python3 "$here/make_templates.py" marker/marker.docx template-docxtpl.docx template-docxtemplater.docx

# Every tool writes into a fresh folder on the same file system: tmpfs when there is one, so
# the numbers compare the tools, not the disk (ext4 slows down creating files where many were
# just deleted, which would punish whichever tool runs after another).
outs="$(mktemp -d "${PEERS_OUT:-/dev/shm}/vbhc-peers.XXXXXX" 2>/dev/null || mktemp -d "$work/out.XXXXXX")"
trap 'rm -rf "$outs"' EXIT
timed() { # name, command...
  local name="$1"; shift
  local out="$outs/$name"
  mkdir -p "$out"
  local start end
  start=$(date +%s.%N)
  "$@" "$out" >/dev/null 2>&1 || { echo "$name failed" >&2; exit 1; }
  end=$(date +%s.%N)
  local n
  n=$(find "$out" -name '*.docx' | wc -l)
  [ "$n" -eq "$rows" ] || { echo "$name wrote $n of $rows documents" >&2; exit 1; }
  echo "$name $(echo "$end - $start" | bc)"
}
docxtpl() { venv/bin/python "$here/docxtpl_run.py" template-docxtpl.docx rows.csv "$1"; }
docxtemplater() { NODE_PATH="$work/node_modules" node "$here/docxtemplater_run.js" template-docxtemplater.docx rows.csv "$1"; }
vb() { # jobs, base, extra..., out
  local jobs="$1" base="$2"; shift 2
  local args=("$@"); local out="${args[-1]}"; unset 'args[-1]'
  "$vbhc" "${plugin[@]}" batch rows.csv --draft "$base" --out "$out" --name "{{so}}" --jobs "$jobs" "${args[@]}"
}
cores=$(nproc)
{
  timed docxtpl docxtpl
  timed docxtemplater docxtemplater
  timed "vbhc_1thread_all-on" vb 1 "$base_plugin"
  timed "vbhc_${cores}threads_all-on" vb "$cores" "$base_plugin"
  timed "vbhc_1thread_checks-off" vb 1 "$base_plugin" --no-check
  timed "vbhc_${cores}threads_checks-off" vb "$cores" "$base_plugin" --no-check
  timed "vbhc_1thread_all-off" vb 1 base-no-plugin.toml --no-check
  timed "vbhc_${cores}threads_all-off" vb "$cores" base-no-plugin.toml --no-check
} | tee times.txt

python3 - "$rows" "$base" <<'PY'
import sys
t = dict(line.split() for line in open("times.txt"))
t = {k: float(v) for k, v in t.items()}
n = int(sys.argv[1])
print(f"\n{n} documents ({sys.argv[2]}), wall seconds and documents per second:")
for k, v in t.items():
    print(f"  {k:32} {v:7.2f} s {n / v:8.0f}/s")
print("\nratios (peer time / vbhc time):")
for k, v in t.items():
    if k.startswith("vbhc"):
        print(f"  {k:32} {t['docxtpl'] / v:6.1f}x docxtpl  {t['docxtemplater'] / v:6.1f}x docxtemplater")
PY
