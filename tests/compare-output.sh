#!/usr/bin/env bash
# Compare nerx's output byte for byte with another version's, on every dev
# set in ../shared/eval/dev and on corpus/ (each article, and the folder).
#
# usage: tests/compare-output.sh [--base REF] [--base-nerx BIN --base-gazetteers DIR]
#                                [--nerx BIN] [--gazetteers DIR] [--keep DIR]
#
#   --base REF         build REF (a commit, tag or branch; default pre-redesign)
#                      in a temporary git worktree and compare with it
#   --base-nerx BIN    compare with an already built nerx instead
#   --nerx BIN         the nerx under test (default build/nerx), with
#   --gazetteers DIR   its data (default gazetteers/)
#   --keep DIR         keep both outputs in DIR
#
# Exit 0 when every output (stdout, stderr and exit status) is identical, 1 when one
# differs (the first differing record of each file is shown), 2 on misuse.
# A refactoring that must not change behaviour runs this before it lands.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
base_ref=pre-redesign base_nerx= base_gaz= nerx=$root/build/nerx gaz=$root/gazetteers keep=
while [ $# -gt 0 ]; do
  case $1 in
    --base) base_ref=$2; shift 2 ;;
    --base-nerx) base_nerx=$2; shift 2 ;;
    --base-gazetteers) base_gaz=$2; shift 2 ;;
    --nerx) nerx=$2; shift 2 ;;
    --gazetteers) gaz=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) sed -n '2,17p' "$0" >&2; exit 2 ;;
  esac
done
eval_dir=$root/../shared/eval/dev
[ -d "$eval_dir" ] || { echo "compare-output: $eval_dir not found" >&2; exit 2; }
[ -x "$nerx" ] || { echo "compare-output: $nerx is not built" >&2; exit 2; }
work=$(mktemp -d)
cleanup() {
  if [ -n "${tree:-}" ]; then git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$base_nerx" ]; then
  tree=$work/base
  git -C "$root" worktree add --detach "$tree" "$base_ref" >/dev/null 2>&1 ||
    { echo "compare-output: cannot check out $base_ref" >&2; exit 2; }
  echo "building $base_ref ..."
  cmake -S "$tree" -B "$tree/build" -DCMAKE_BUILD_TYPE=Release -DNERX_TESTS=OFF >/dev/null
  cmake --build "$tree/build" -j2 >/dev/null
  base_nerx=$tree/build/nerx
  base_gaz=$tree/gazetteers
fi
[ -n "$base_gaz" ] || { echo "compare-output: --base-nerx needs --base-gazetteers" >&2; exit 2; }

out=${keep:-$work/out}
mkdir -p "$out/base" "$out/new" "$out/in"
# The scorer's input: each record's id, text and dct (as evaluate.sh feeds it).
for g in "$eval_dir"/*.jsonl; do
  python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    print(json.dumps({"id": r["id"], "text": r["text"], "dct": r.get("dct")}, ensure_ascii=False))
' "$g" >"$out/in/$(basename "$g")"
done

# run NAME SIDE ARGS...: one nerx run, stdout and exit status kept.
run() {
  local name=$1 side=$2; shift 2
  local bin=$nerx g=$gaz
  if [ "$side" = base ]; then bin=$base_nerx g=$base_gaz; fi
  local rc=0
  NERX_GAZETTEERS=$g "$bin" --gazetteers "$g" "$@" >"$out/$side/$name" 2>"$out/$side/$name.err" || rc=$?
  echo "$rc" >"$out/$side/$name.rc"
}

names=()
for f in "$out"/in/*.jsonl; do
  n=$(basename "$f" .jsonl)
  for side in base new; do run "$n.jsonl" $side --input jsonl --output jsonl "$f" <"$f"; done
  names+=("$n.jsonl")
done
for f in "$root"/corpus/*.txt; do
  n=$(basename "$f" .txt)
  for side in base new; do (cd "$root" && run "$n.json" $side "corpus/$n.txt"); done
  names+=("$n.json")
done
for side in base new; do (cd "$root" && run corpus.jsonl $side corpus); done
names+=(corpus.jsonl)

differ=0
for n in "${names[@]}"; do
  if cmp -s "$out/base/$n" "$out/new/$n" && cmp -s "$out/base/$n.rc" "$out/new/$n.rc" &&
     cmp -s "$out/base/$n.err" "$out/new/$n.err"; then
    printf '  same     %s (%s bytes)\n' "$n" "$(wc -c <"$out/new/$n")"
  else
    differ=1
    printf '  DIFFERS  %s\n' "$n"
    # the first differing line, shortened
    diff <(cut -c1-300 "$out/base/$n") <(cut -c1-300 "$out/new/$n") | head -4 | sed 's/^/           /' || true
  fi
done
if [ $differ = 0 ]; then echo "identical: ${#names[@]} outputs"; else echo "outputs differ"; fi
exit $differ
