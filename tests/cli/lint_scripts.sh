#!/usr/bin/env bash
# The project's shell scripts: each parses (bash -n), and none that sets
# pipefail pipes into `grep -q`. grep -q exits at its first match; a writer
# with more left to write then dies of SIGPIPE, pipefail turns that into a
# failure, and the check fails at random (it did, in CI, in test_install.sh).
# Match a captured value with a here-string instead: grep -q PAT <<< "$v".
#
# usage: lint_scripts.sh SOURCE_DIR
set -uo pipefail
src=$1 bad=0
while IFS= read -r f; do
  bash -n "$f" || { echo "FAIL: $f does not parse"; bad=1; }
  grep -q 'pipefail' "$f" || continue
  if hits=$(grep -nE '\|[[:space:]]*grep[[:space:]]+(-[a-zA-Z]*q|--quiet)' "$f" | grep -vE '^[0-9]+:[[:space:]]*#'); then
    echo "FAIL: $f pipes into grep -q under pipefail:"; echo "$hits"; bad=1
  fi
done < <(find "$src/tests" "$src/bench" "$src/.ci" -type f \( -name '*.sh' -o -name run \) | sort)
[ "$bad" = 0 ] && echo "lint_scripts: all passed"
exit "$bad"
