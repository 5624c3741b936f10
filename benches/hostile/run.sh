#!/usr/bin/env bash
# The audits' hostile inputs (made by make.py) through the release binary, each under
# `timeout 60` and GNU time: exit code, wall time and peak RSS, as the audits measured them.
# Goal (issue 13 §2): each refused or handled in ≤ 2 s and ≤ 300 MB on 2 cores.
#   bash benches/hostile/run.sh [OUT]      (needs python3; `pip install wasmtime` for the
#                                           multi-memory plugins)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
cargo build --release --locked -q
bin="$repo/target/release/vbhc"
export VBHC_CONFIG="$out/no-config.toml" VBHC_DATA_DIR="$out/data" VBHC_CACHE_DIR="$out/cache"
"$bin" render samples/thong-bao.toml -o "$out/base.docx" --force 2>/dev/null
python3 benches/hostile/make.py "$out/in" "$out/base.docx" "$repo" >&2
in="$out/in"
printf '| case | exit | time | peak RSS | first message |\n| --- | --- | --- | --- | --- |\n'
run() { # name, then the command's arguments
  local name="$1"; shift
  local err="$out/err-$name"
  set +e
  /usr/bin/time -f '%e %M' -o "$out/time-$name" timeout 60 "$@" >"$out/out-$name" 2>"$err" </dev/null
  local rc=$?
  set -e
  read -r secs kb < <(tail -n 1 "$out/time-$name") || true
  local msg
  msg="$(grep -m1 -oE '(lỗi|cảnh báo|ghi chú)\[[A-Z0-9-]+\][^│]{0,80}' "$err" || head -c 80 "$err" | tr '\n' ' ')"
  printf '| %s | %s | %s s | %s MB | %s |\n' "$name" "$rc" "$secs" "$((kb / 1024))" "${msg//|/\\|}"
}
base_toml="$repo/samples/thong-bao.toml"
for f in numbering_letters_1 numbering_multi_20 numbering_lvltext paras100k paras300k paras955207 \
  numbering_many_nums parts100k_rels zero fifo sparse2g big_tail; do
  case "$f" in
    paras100k) file=paras100000.docx ;;
    paras300k) file=paras300000.docx ;;
    *) file="$f.docx" ;;
  esac
  run "check $f" "$bin" check "$in/$file"
done
run "check zero.toml" "$bin" check "$in/zero.toml"
run "render fifo.toml" "$bin" render "$in/fifo.toml"
VBHC_CONFIG="$in/zero.toml" run "config zero" "$bin" render "$base_toml" -o "$out/x.docx" --force
VBHC_CONFIG="$in/fifo.toml" run "config fifo" "$bin" render "$base_toml" -o "$out/x.docx" --force
for f in dimbomb dimbomb_nodim bad_ref zipbomb; do
  run "batch $f" "$bin" batch "$in/$f.xlsx" --draft "$base_toml" --out "$out/o-$f" --dry-run
done
for f in noinhan100k.json p200k.json json_late_array.json json_escaped_keys.json \
  toml_noinhan_lines.toml toml_noinhan_inline_20k.toml; do
  run "render $f" "$bin" --format json render "$in/$f" -o "$out/x.docx" --force
done
run "render t_nested_if" "$bin" --templates "$in/t_nested_if" render "$base_toml" -o "$out/x.docx" --force
run "batch t_nested_if_1500" "$bin" --templates "$in/t_nested_if_1500" batch "$in/four.csv" \
  --draft "$base_toml" --out "$out/o-nested" --force
run "render t_many_expr" "$bin" --templates "$in/t_many_expr" render "$base_toml" -o "$out/x.docx" --force
plugin_draft="$out/plugin-draft.toml"
sed 's/^loai = "chi-thi"$/loai = "chi-thi"\nplugin = "PLUGIN"/' "$repo/samples/chi-thi-tien-giang-2014.toml" >"$plugin_draft"
for p in hog8 hog16; do
  [ -d "$in/$p" ] || continue
  sed "s/PLUGIN/$p/" "$plugin_draft" >"$out/d-$p.toml"
  run "render $p" "$bin" --plugin "$in/$p" --allow-unsigned render "$out/d-$p.toml" -o "$out/x.docx" --force
done
if [ -d "$in/hog8" ]; then
  printf 'plugin\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n' hog8 hog8 hog8 hog8 hog8 hog8 hog8 hog8 >"$out/hog8.csv"
  run "batch hog8 --jobs 4" "$bin" --plugin "$in/hog8" --allow-unsigned batch "$out/hog8.csv" \
    --draft "$out/d-hog8.toml" --out "$out/o-hog" --jobs 4 --force
fi
for w in zero urandom fifo; do
  sed "s/PLUGIN/w$w/" "$plugin_draft" >"$out/d-w$w.toml"
  run "render wasm $w" "$bin" --plugin "$in/wasm_$w" --allow-unsigned render "$out/d-w$w.toml" -o "$out/x.docx" --force
done
