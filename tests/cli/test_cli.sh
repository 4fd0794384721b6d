#!/usr/bin/env bash
# test_cli.sh NERX: the command line: options, exit statuses, and bad input
# (empty, binary, missing, malformed JSON Lines) becoming error records in
# place while the rest of the batch is processed.
set -u
nerx=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_status() { # want cmd...
  local want=$1; shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" = "$want" ] || fail "$* exited $got, expected $want ($(head -c 300 "$tmp/err"))"
}
json() { python3 -c "import json,sys; $1" "$tmp/out"; }

# --- options
expect_status 0 "$nerx" --version
grep -q '^nerx [0-9]' "$tmp/out" || fail "--version prints 'nerx VERSION'"
expect_status 0 "$nerx" --help
grep -q 'Usage: nerx' "$tmp/out" || fail "--help prints usage on stdout"
grep -q -- '--gazetteer FILE' "$tmp/out" || fail "--help lists --gazetteer"
grep -q 'Exit status' "$tmp/out" || fail "--help documents exit statuses"
expect_status 2 "$nerx" --bogus
grep -q "unknown option" "$tmp/err" || fail "unknown option message"
expect_status 2 "$nerx" --threads 0 "$root/corpus/xjtu-sco-forum.txt"
# --window: 0 (never) or at least 4K, with K and M suffixes
for w in 100 4095 -1 1X K 99999999999999999M; do
  expect_status 2 "$nerx" --window "$w" "$root/corpus/xjtu-sco-forum.txt"
  grep -q -- "--window must be" "$tmp/err" || fail "--window $w: a usage message"
done
for w in 0 4K 4096 1M; do expect_status 0 "$nerx" --window "$w" "$root/corpus/xjtu-sco-forum.txt"; done
# a mention names the rule that made it: a party word before a name
echo "The committee is chaired by Democrat Carl Levin of Michigan." | "$nerx" --output jsonl > "$tmp/party" 2>/dev/null
grep -q '"text":"Carl Levin"[^}]*"rule":"person:party-before"' "$tmp/party" || fail "Democrat Carl Levin: person:party-before"
expect_status 2 "$nerx" --dct 2024-13-01 "$root/corpus/xjtu-sco-forum.txt"
# a date that is not in the calendar is refused up front, not by every document
expect_status 2 "$nerx" --dct 2023-02-29 "$root/corpus/xjtu-sco-forum.txt"
expect_status 0 "$nerx" --dct 2024-02-29 "$root/corpus/xjtu-sco-forum.txt"
expect_status 2 "$nerx" --output xml "$root/corpus/xjtu-sco-forum.txt"
expect_status 2 "$nerx" --dct
# graph outputs: csv needs a folder (and a folder needs csv), the base IRI must be absolute
expect_status 2 "$nerx" --output csv "$root/corpus/xjtu-sco-forum.txt"
expect_status 2 "$nerx" --output-dir "$tmp/kg" "$root/corpus/xjtu-sco-forum.txt"
expect_status 2 "$nerx" --output ntriples --base-iri 'no scheme' "$root/corpus/xjtu-sco-forum.txt"
expect_status 2 "$nerx" --output ntriples --base-iri 'https://example.org/a b/' "$root/corpus/xjtu-sco-forum.txt"
expect_status 0 "$nerx" --output ntriples --base-iri https://example.org/kg/ "$root/corpus/xjtu-sco-forum.txt"
grep -q '^<https://example.org/kg/entity/person/zhang-liqun> ' "$tmp/out" || fail "--base-iri starts the entities' IRIs"
expect_status 0 "$nerx" --output csv --output-dir "$tmp/kg" "$root/corpus/xjtu-sco-forum.txt"
head -1 "$tmp/kg/nodes.csv" | grep -q '^:ID,:LABEL,' || fail "--output-dir gets nodes.csv"
grep -q '^person:zhang-liqun,domain:xjtu.edu.cn,HOLDS_TITLE,president,' "$tmp/kg/edges.csv" || fail "--output-dir gets edges.csv"
expect_status 4 "$nerx" --output csv --output-dir /proc/nerx-no-such-dir "$root/corpus/xjtu-sco-forum.txt"

# --- an id another JSON Lines file gave first becomes FILE:id; one repeated within a file stays
printf '%s\n' '{"id":"a","text":"Kazakhstan."}' '{"id":"a","text":"Astana."}' >"$tmp/f1.jsonl"
printf '%s\n' '{"id":"a","text":"Kazakhstan."}' '{"id":"c","text":"Astana."}' >"$tmp/f2.jsonl"
expect_status 0 "$nerx" --output jsonl "$tmp/f1.jsonl" "$tmp/f2.jsonl"
json "L=[json.loads(l)['id'] for l in open(sys.argv[1])]; assert L==['a','a','$tmp/f2.jsonl:a','c'], L" || fail "colliding ids across files"

# --- one plain-text document: pretty JSON, its path as id
expect_status 0 "$nerx" "$root/corpus/xjtu-sco-forum.txt"
[ "$(wc -l <"$tmp/out")" -gt 10 ] || fail "a single document is pretty-printed"
json "d=json.load(open(sys.argv[1])); assert d['id'].endswith('corpus/xjtu-sco-forum.txt'), d['id']; assert d['dct']=='2024-07-05'" || fail "single document id/dct"

# --- standard input: plain text (pretty, id stdin) and JSON Lines (auto-detected)
printf 'Officials from Kazakhstan met on July 4.' | "$nerx" --dct 2020-01-01 >"$tmp/out" 2>"$tmp/err" || fail "stdin text"
json "d=json.load(open(sys.argv[1])); assert d['id']=='stdin'; v=[m['value'] for m in d['mentions'] if m['type']=='date']; assert v==['2020-07-04'], v" || fail "stdin text output"
printf '\n  {"id":"a","text":"Kazakhstan on July 4.","dct":"2024-07-05"}\n{"id":"b","text":"Kazakhstan."}\n' | "$nerx" --dct 2020-01-01 >"$tmp/out" 2>"$tmp/err" || fail "stdin jsonl"
json "
L=[json.loads(l) for l in open(sys.argv[1])]
assert [d['id'] for d in L]==['a','b'], L
assert L[0]['dct']=='2024-07-05' and L[1]['dct']=='2020-01-01', (L[0]['dct'], L[1]['dct'])
assert [m['value'] for m in L[0]['mentions'] if m['type']=='date']==['2024-07-04']" || fail "stdin JSON Lines: ids, record dct wins over --dct"
printf '   leading space, then Kazakhstan.' | "$nerx" --output jsonl >"$tmp/out" 2>/dev/null
json "d=json.loads(open(sys.argv[1]).read()); m=[m for m in d['mentions'] if m['text']=='Kazakhstan'][0]; assert m['start']==23, m" || fail "stdin text keeps leading white space in offsets"

# --- a batch with bad documents among good ones
printf 'Officials from Kazakhstan met.' >"$tmp/good.txt"
printf '  \n\t \n' >"$tmp/empty.txt"
printf 'PK\003\004\000\000\000binary' >"$tmp/binary.txt"
printf '%s\n' '{"id":"j1","text":"Kazakhstan."}' '{"id":"j2","text":' '{"id":"j3","text":"Astana IT University."}' >"$tmp/batch.jsonl"
expect_status 1 "$nerx" "$tmp/good.txt" "$tmp/empty.txt" "$tmp/binary.txt" "$tmp/missing.txt" "$tmp/batch.jsonl"
json "
L=[json.loads(l) for l in open(sys.argv[1])]
ids=[d['id'].rsplit('/',1)[-1] for d in L]
assert ids==['good.txt','empty.txt','binary.txt','missing.txt','j1','batch.jsonl:2','j3'], ids
err=[('error' in d) for d in L]
assert err==[False,True,True,True,False,True,False], err
assert 'empty' in L[1]['error'] and 'binary' in L[2]['error'] and 'cannot open' in L[3]['error'] and 'malformed' in L[5]['error'], L
assert any(m['text']=='Astana IT University' for m in L[6]['mentions'])" || fail "batch: error records in place, rest processed"
for doc in empty.txt binary.txt missing.txt batch.jsonl:2; do
  grep -q "$doc: error:" "$tmp/err" || fail "stderr names $doc and the problem"
done
grep -q "4 of 7 documents could not be processed" "$tmp/err" || fail "summary on stderr ($(tail -1 "$tmp/err"))"

# --- invalid UTF-8: processed, with a warning naming the document
printf 'Caf\351 owners in Kazakhstan.' >"$tmp/latin1.txt"
expect_status 0 "$nerx" --output jsonl "$tmp/latin1.txt"
grep -q "latin1.txt: warning: 1 invalid UTF-8 byte" "$tmp/err" || fail "invalid UTF-8 warning"
json "d=json.loads(open(sys.argv[1]).read()); assert any(m['text']=='Kazakhstan' and m['start']==15 for m in d['mentions'])" || fail "offsets after invalid UTF-8"
expect_status 0 "$nerx" --quiet --output jsonl "$tmp/latin1.txt"
[ ! -s "$tmp/err" ] || fail "--quiet silences warnings"

# --- an unreadable file (only meaningful when not root)
if [ "$(id -u)" != 0 ]; then
  printf 'x' >"$tmp/secret.txt"; chmod 000 "$tmp/secret.txt"
  expect_status 1 "$nerx" "$tmp/secret.txt" "$tmp/good.txt"
  grep -q "secret.txt: error: cannot open" "$tmp/err" || fail "unreadable file message"
fi

# --- threads keep input order and give the same output
python3 -c "
import json
for i in range(300):
    print(json.dumps({'id': f'd{i}', 'text': f'Document {i}: officials from Kazakhstan met Zhang Liqun, president of Astana IT University, on July {i % 28 + 1}.', 'dct': '2024-07-05'}))
" >"$tmp/many.jsonl"
"$nerx" --threads 1 "$tmp/many.jsonl" >"$tmp/t1" 2>/dev/null || fail "threads 1"
"$nerx" --threads 3 "$tmp/many.jsonl" >"$tmp/t3" 2>/dev/null || fail "threads 3"
cmp -s "$tmp/t1" "$tmp/t3" || fail "--threads 3 output differs from --threads 1"
[ "$(wc -l <"$tmp/t3")" = 300 ] || fail "300 records in, 300 out"

# --- a pipe gets each record as soon as it is done, before the next is read
for t in 1 2; do
  rm -f "$tmp/fifo" "$tmp/stream"; mkfifo "$tmp/fifo"
  ( "$nerx" --threads $t <"$tmp/fifo" 2>/dev/null | cat >"$tmp/stream" ) &
  exec 3>"$tmp/fifo"
  echo '{"id":"a","text":"Zhang Liqun spoke on Monday."}' >&3
  for i in $(seq 100); do [ -s "$tmp/stream" ] && break; sleep 0.1; done
  [ "$(wc -l <"$tmp/stream")" = 1 ] || fail "--threads $t: the first record waits for the next one"
  echo '{"id":"b","text":"More on Friday."}' >&3
  exec 3>&-
  wait
  [ "$(wc -l <"$tmp/stream")" = 2 ] || fail "--threads $t: two records in, two out"
done

# --- user gazetteers: added entries are used; a bad file stops with file:line:column
printf '# source: test\n# licence: test\n# type: organization\nAcme Widgets\n' >"$tmp/mine.tsv"
printf 'Shares in Acme Widgets rose.' | "$nerx" --gazetteer "$tmp/mine.tsv" --output jsonl >"$tmp/out" 2>/dev/null
json "d=json.loads(open(sys.argv[1]).read()); assert any(m['text']=='Acme Widgets' and m['rule']=='gazetteer:mine' for m in d['mentions']), d['mentions']" || fail "--gazetteer adds entries"
printf '# type: place\nParis\tcountry\n' >"$tmp/bad.tsv"
expect_status 3 "$nerx" --gazetteer "$tmp/bad.tsv" "$tmp/good.txt"
grep -q "bad.tsv:2:7: attribute without '='" "$tmp/err" || fail "bad gazetteer message: $(cat "$tmp/err")"
expect_status 3 "$nerx" --gazetteers "$tmp/nowhere" "$tmp/good.txt"

# --- a nationality names its country: one key with the country's name
printf '{"id":"a","text":"Kazakh officials spoke."}\n{"id":"b","text":"Officials in Kazakhstan spoke."}\n' |
  "$nerx" --input jsonl --output jsonl >"$tmp/out" 2>/dev/null
json "ks=[[e['key'] for e in json.loads(l)['entities']] for l in open(sys.argv[1])]; assert ks==[['iso3166:KZ'],['iso3166:KZ']], ks" ||
  fail "a nationality's entity takes its country's key"

# --- files: a cycle-safe sorted walk, .gz and .zst, no FIFOs unless named,
# a warning for a directory with nothing to read
mkdir -p "$tmp/w/d/sub" "$tmp/w/empty"
printf 'Officials from Kazakhstan met.' >"$tmp/w/d/a.txt"
printf 'Astana IT University.' >"$tmp/w/d/sub/b.txt"
ln -s .. "$tmp/w/d/sub/up"; ln -s ../sub "$tmp/w/d/sub/self1"; ln -s self1 "$tmp/w/d/sub/self2"; ln -s ../d "$tmp/w/d/sub/again"
mkfifo "$tmp/w/d/fifo.txt"
printf '{"id":"g1","text":"Kazakhstan."}\n{"id":"g2","text":"Astana."}\n' | gzip >"$tmp/w/d/c.jsonl.gz"
cp "$root/tests/data/zhang.txt.zst" "$tmp/w/d/e.txt.zst"
timeout 20 "$nerx" --output jsonl "$tmp/w/d" >"$tmp/out" 2>"$tmp/err"
[ $? = 0 ] || fail "walk: exit status $? ($(head -c 300 "$tmp/err"))"
json "
L=[json.loads(l) for l in open(sys.argv[1])]
ids=[d['id'].rsplit('/d/',1)[-1] for d in L]
assert ids==['a.txt','g1','g2','e.txt.zst','sub/b.txt'], ids
assert any(m['text']=='Zhang Liqun' for m in L[3]['mentions']), L[3]" || fail "walk: each file once, in name order, .gz and .zst read"
grep -q "fifo.txt: warning: skipped" "$tmp/err" || fail "walk: a FIFO is skipped with a warning"
"$nerx" "$tmp/w/empty" >"$tmp/out" 2>"$tmp/err"
grep -q "empty: warning: no \*.txt" "$tmp/err" || fail "an empty directory gives a warning"
printf 'Officials from Kazakhstan met.' | gzip >"$tmp/w/one.txt.gz"
expect_status 0 "$nerx" --output jsonl "$tmp/w/one.txt.gz"
json "d=json.loads(open(sys.argv[1]).read()); assert d['mentions'][0]['text']=='Kazakhstan'" || fail "a .txt.gz file named on the command line"
head -c 3000 /dev/urandom >"$tmp/w/bad.jsonl.zst"
expect_status 1 "$nerx" "$tmp/w/bad.jsonl.zst"
grep -q "bad.jsonl.zst: error: zstd" "$tmp/err" || fail "a corrupt .zst is an error record ($(cat "$tmp/err"))"

# --- --output json with several documents: one JSON array
expect_status 0 "$nerx" --output json "$tmp/many.jsonl"
json "L=json.load(open(sys.argv[1])); assert isinstance(L, list) and len(L)==300 and L[0]['id']=='d0', type(L)" || fail "--output json: one JSON array"
printf '' | "$nerx" --output json --input jsonl >"$tmp/out" 2>/dev/null
json "assert json.load(open(sys.argv[1]))==[]" || fail "--output json with no records: []"
expect_status 0 "$nerx" --output json "$root/corpus/xjtu-sco-forum.txt"
json "d=json.load(open(sys.argv[1])); assert isinstance(d, dict)" || fail "--output json with one text document: one object"

# --- each record goes out with one write(): processes sharing an output
# (xargs -P, appending to one file) never split one another's records
for k in 1 2 3 4; do
  python3 -c "
import json
for i in range(150):
    print(json.dumps({'id': f'x$k-{i}', 'text': ' '.join(['Zhang Liqun, president of Astana IT University, met officials from Kazakhstan on July 4.'] * 12)}))
" >"$tmp/x$k.jsonl"
done
: >"$tmp/shared.jsonl"
printf '%s\n' "$tmp"/x[1-4].jsonl | xargs -P 4 -n 1 "$nerx" --output jsonl >>"$tmp/shared.jsonl" 2>/dev/null
python3 -c "
import json, sys
L = [json.loads(l) for l in open(sys.argv[1])]
assert len(L) == 600 and len({d['id'] for d in L}) == 600, len(L)
" "$tmp/shared.jsonl" || fail "xargs -P: records interleaved"

# --- progress: with --progress (or on a terminal) a line with documents, MB,
# MB/s and the time left, and a summary; nothing when not asked or --quiet
"$nerx" --progress --threads 2 "$tmp/many.jsonl" >/dev/null 2>"$tmp/err"
grep -q "^nerx: [0-9]* documents*, [0-9.]* MB, [0-9.]* MB/s, [0-9:]* left" "$tmp/err" || fail "--progress line ($(head -c 300 "$tmp/err"))"
grep -q "^nerx: 300 documents (0 errors, 0 warnings), [0-9.]* MB in [0-9.]* s" "$tmp/err" || fail "--progress summary"
"$nerx" --threads 2 "$tmp/many.jsonl" >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "no progress when stderr is no terminal ($(head -c 200 "$tmp/err"))"
"$nerx" --progress --quiet "$tmp/many.jsonl" >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "--quiet silences progress"
if command -v script >/dev/null; then
  script -qec "'$nerx' '$tmp/many.jsonl' >/dev/null" /dev/null >"$tmp/tty" 2>&1
  grep -q "300 documents (0 errors" "$tmp/tty" || fail "progress on a terminal ($(head -c 300 "$tmp/tty"))"
fi

# --- output that cannot be written
if [ -w /dev/full ]; then
  "$nerx" "$root/corpus/xjtu-sco-forum.txt" >/dev/full 2>"$tmp/err"
  [ $? = 4 ] || fail "writing to /dev/full exits 4"
fi

[ $fails = 0 ] && echo "test_cli: all passed" || { echo "test_cli: $fails failed"; exit 1; }
