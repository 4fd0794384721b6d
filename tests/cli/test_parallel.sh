#!/usr/bin/env bash
# test_parallel.sh NERX: the README's GNU parallel recipe (--pipepart over a
# big JSON Lines file, jobs in input order) gives the same records as one
# nerx process. Skipped (77) when GNU parallel is not installed.
set -u
nerx=$1
command -v parallel >/dev/null || { echo "GNU parallel not installed: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -c "
import json
for i in range(3000):
    r = {'id': f'd{i}', 'text': f'Document {i}: officials from Kazakhstan met Zhang Liqun, president of Astana IT University, on July {i % 28 + 1}.'}
    if i % 3 == 0: r['dct'] = '2024-07-05'
    print(json.dumps(r))
" >"$tmp/dump.jsonl"
"$nerx" --dct 2020-01-01 "$tmp/dump.jsonl" >"$tmp/one.jsonl" 2>/dev/null || { echo "FAIL: one process"; exit 1; }
# the recipe, with blocks small enough that both jobs get several
parallel --will-cite --pipepart -a "$tmp/dump.jsonl" --block 40k -k -j 2 \
  "$nerx" --input jsonl --output jsonl --dct 2020-01-01 >"$tmp/par.jsonl" 2>"$tmp/err" || { echo "FAIL: parallel: $(head -c 300 "$tmp/err")"; exit 1; }
if ! cmp -s "$tmp/one.jsonl" "$tmp/par.jsonl"; then
  echo "FAIL: parallel's records differ from one process's ($(wc -l <"$tmp/par.jsonl") lines)"
  exit 1
fi
echo "test_parallel: 3000 records, 2 jobs, same output as one process"
