#!/usr/bin/env bash
# The install, as a new user meets it: `cmake --install` into a temporary
# prefix, then, with the build and source trees out of every search path
# (run from /, NERX_GAZETTEERS unset, the prefix moved elsewhere first so
# nothing can lean on a compiled-in path):
#   - nerx runs on the demo article and finds its three facts;
#   - libnerx.so exports only nx_* and has its SONAME;
#   - the README's C example (the same text as examples/extract.c) builds and
#     runs with pkg-config and with find_package(nerx);
#   - the Python binding installs with pip into a venv and its pytest passes;
#   - man renders nerx.1 with no warning (groff -ww), and it lists every
#     option --help lists;
#   - nerx --output html renders the demo article (tests/e2e/html_check.py
#     checks the page itself);
#   - a missing data directory is an error that says where nerx looked.
#
# usage: test_install.sh SOURCE_DIR BUILD_DIR [--sanitized]
set -euo pipefail
if [ "${3:-}" = --sanitized ]; then echo "skipped: a sanitizer build (run it in the normal build)"; exit 77; fi
src=$(cd "$1" && pwd) build=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

cmake --install "$build" --prefix "$tmp/stage" > "$tmp/install.log"
# moved after install: an install must not care where it was put
mv "$tmp/stage" "$tmp/prefix"
p=$tmp/prefix
libdir=$(cd "$p" && ls -d lib*/ | head -1) libdir=$p/${libdir%/}
for f in bin/nerx include/nerx.h share/man/man1/nerx.1 share/nerx/gazetteers/nerx.model share/doc/nerx/LICENSE; do
  [ -e "$p/$f" ] || fail "not installed: $f"
done
for f in libnerx.a libnerx.so.0 pkgconfig/nerx.pc cmake/nerx/nerxConfig.cmake cmake/nerx/nerxTargets.cmake; do
  [ -e "$libdir/$f" ] || fail "not installed: lib/$f"
done
ok "installed: $(cd "$p" && find . -type f -o -type l | grep -v gazetteers/ | sort | tr '\n' ' ')"

# --- the library: SONAME, only nx_* exported
# Captured, then matched from a here-string: under pipefail, `cmd | grep -q`
# fails at random when grep exits at its match before cmd has written all.
headers=$(objdump -p "$libdir/libnerx.so.0")
grep -q 'SONAME *libnerx.so.0' <<< "$headers" || fail "libnerx.so.0 has no SONAME libnerx.so.0"
others=$(nm -D --defined-only "$libdir/libnerx.so.0" | awk '{print $3}' | grep -v '^nx_' || true)
[ -z "$others" ] || fail "libnerx.so exports more than nx_*: $others"
ok "libnerx.so.0: SONAME, $(nm -D --defined-only "$libdir/libnerx.so.0" | wc -l) symbols, all nx_*"

# --- the program, from /, with nothing but the prefix
clean_env=(env -i PATH="$p/bin:/usr/bin:/bin" HOME="$tmp" LANG=C.UTF-8)
out=$(cd / && "${clean_env[@]}" nerx --output jsonl --dct 2024-07-05 < "$src/corpus/xjtu-sco-forum.txt")
n=$(printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(r["type"]=="holds_title" for r in d["relations"]))')
[ "$n" = 3 ] || fail "installed nerx found $n holds_title facts in the demo article, not 3"
ok "installed nerx from /: the demo article's 3 facts"

# --- the HTML view of the same article
page=$(cd / && "${clean_env[@]}" nerx --output html < "$src/corpus/xjtu-sco-forum.txt")
for want in '<!DOCTYPE html>' 'class="nx-person"' 'class="nx-organization"' 'rector' 'Al-Farabi Kazakh National University'; do
  case $page in *"$want"*) ;; *) fail "the installed nerx's HTML view lacks $want" ;; esac
done
ok "installed nerx --output html: the highlighted article and its facts"

# --- no data: the message lists where it looked
mv "$p/share/nerx" "$p/share/nerx.away"
if err=$(cd / && "${clean_env[@]}" nerx < /dev/null 2>&1); then fail "nerx ran without gazetteers"; fi
mv "$p/share/nerx.away" "$p/share/nerx"
case $err in *"looked in"*"$p/bin/../share/nerx/gazetteers"*) ok "no gazetteers: $err" ;; *) fail "no list of places looked: $err" ;; esac

# --- the README's C example is examples/extract.c
/usr/bin/python3 - "$src/README.md" "$src/examples/extract.c" <<'EOF' || fail "the README's C example differs from examples/extract.c"
import sys
readme, example = open(sys.argv[1]).read(), open(sys.argv[2]).read()
block = readme.split("```c\n", 1)[1].split("```", 1)[0]
sys.exit(0 if block == example else 1)
EOF
want='holds_title(Zhang Liqun, president)'
export PKG_CONFIG_PATH=$libdir/pkgconfig
cc -Wall -Wextra -Werror -o "$tmp/example-pc" "$src/examples/extract.c" $(pkg-config --cflags --libs nerx)
got=$(cd / && env -i LD_LIBRARY_PATH="$libdir" "$tmp/example-pc")
[ "$got" = "$want" ] || fail "pkg-config example printed '$got', not '$want'"
ok "C example with pkg-config: $got"
cmake -S "$src/examples" -B "$tmp/example-build" -DCMAKE_PREFIX_PATH="$p" > "$tmp/cmake.log" || { cat "$tmp/cmake.log"; fail "find_package(nerx)"; }
cmake --build "$tmp/example-build" > "$tmp/cmake-build.log" || { cat "$tmp/cmake-build.log"; fail "building with find_package(nerx)"; }
got=$(cd / && env -i "$tmp/example-build/extract")
[ "$got" = "$want" ] || fail "find_package example printed '$got', not '$want'"
ok "C example with find_package(nerx) (RUNPATH from the package): $got"

# --- the Python binding: pip install into a venv, then its pytest
/usr/bin/python3 -m venv --system-site-packages "$tmp/venv"
# from a copy: building the package writes build/ and *.egg-info/ beside it,
# and the checkout is not the test's to write
cp -r "$src/python" "$tmp/python"
rm -rf "$tmp/python/build" "$tmp/python"/*.egg-info
"$tmp/venv/bin/pip" install --quiet --no-build-isolation --no-index "$tmp/python" || fail "pip install python/"
(cd "$tmp" && NERX_BIN="$p/bin/nerx" "$tmp/venv/bin/python" -m pytest -q -p no:cacheprovider "$src/python/tests") \
  || fail "the Python binding's tests"
ok "Python binding: pip install and pytest"

# --- the manual page
warn=$(groff -man -Tutf8 -ww "$p/share/man/man1/nerx.1" 2>&1 >/dev/null)
[ -z "$warn" ] || fail "groff warns: $warn"
page=$(MANWIDTH=100 man -l "$p/share/man/man1/nerx.1" 2>/dev/null | sed 's/.\x08//g')  # no overstrikes
for opt in $("$p/bin/nerx" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
  grep -q -- "$opt" <<< "$page" || fail "the manual page lacks $opt"
done
ok "man nerx: no warnings, every option of --help"
echo "test_install: all passed"
