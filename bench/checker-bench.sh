#!/usr/bin/env bash
# The checker against markdownlint-cli2 (0.24.x, the most used Markdown linter's CLI) on the same cards: the
# whole folder, then one card as a pre-commit hook runs it. The two tools take turns, run after run, so that
# both see the same load; each runs RUNS times (default 5) after one warm-up, and the median wall time and peak
# resident memory (GNU time's accounting) are printed with the ratios.
#
#   bench/checker-bench.sh [FOLDER]      # default: ../shared/corpus-hf beside the repository (2,000 Hub cards)
#   CARDS=2510 bench/checker-bench.sh    # a folder of 2,510 real cards made from FOLDER's (below)
#   PLAIN=1 bench/checker-bench.sh       # the checker started as `java -jar modelcard-ls.jar check` (below)
#
# The checker runs as users run it: bin/modelcard-ls (the flags of bin/jvm.options and the checker's class-data
# archive), the archive recorded by one check before the first run, as any first check does. Both tools read
# every README.md below FOLDER; the checker detects each card's template (Hub cards are Hugging Face cards:
# metadata, leftovers and, for the template's layouts, sections). markdownlint-cli2 and the archive go into a
# temporary folder; nothing is written beside the project.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
folder=$(cd "${1:-${MODELCARD_SHARED:-$repo/../shared}/corpus-hf}" && pwd)
runs=${RUNS:-5}
jar=$repo/server/target/modelcard-ls.jar

[ -f "$jar" ] || (cd "$repo" && ./mvnw -q -B -DskipTests package)
[ -x /usr/bin/time ] || { echo "checker-bench: needs GNU time (Debian's time package)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tmp/mdl" markdownlint-cli2@0.24 >/dev/null
mdl=$tmp/mdl/node_modules/.bin/markdownlint-cli2
mdl_version=$(node -p "require('$tmp/mdl/node_modules/markdownlint-cli2/package.json').version")
ours=("$repo/bin/modelcard-ls" check --fail-on never)
# PLAIN=1: as the CI examples run it, `java -jar modelcard-ls.jar check` (a folder goes on in a JVM with the
# launcher's flags and the archive its first check below records; cli/Relaunch).
[ -z "${PLAIN:-}" ] || ours=(java -jar "$jar" check --fail-on never)
export XDG_CACHE_HOME=$tmp/cache MODELCARD_LS_JAR=$jar
# The first check records the checker's class-data archive in the background; wait for it like a user's second
# check.
"$repo/bin/modelcard-ls" check --fail-on never "$repo/examples/czi-draft/README.md" >/dev/null
for _ in $(seq 120); do ls "$tmp/cache/modelcard-ls/"*.lock >/dev/null 2>&1 || break; sleep 1; done
[ -n "$(ls "$tmp/cache/modelcard-ls/" | grep -E '\.(jsa|aot)$')" ] \
  || echo "checker-bench: no class-data archive was recorded; measuring without one" >&2
# One ordinary card: the first over 4 KB (the smallest Hub cards are a line or two).
one=$(find "$folder" -name README.md -type f -size +4k | sort | sed -n 1p)
one=${one:-$(find "$folder" -name README.md -type f | sort | sed -n 1p)}
if [ -n "${CARDS:-}" ]; then
  # The Hub snapshot stands a one-line error in for a model without a card: 1,100 of corpus-hf's 2,000 files,
  # which cost markdownlint-cli2 far more than the checker. CARDS=N measures a folder of N real cards instead:
  # FOLDER's others, in turn, as often as it takes.
  mapfile -t real < <(find "$folder" -name README.md -type f | sort \
    | xargs -d '\n' grep -L -x -F "Error: the path 'README.md' does not exist in the given tree")
  [ "${#real[@]}" -gt 0 ] || { echo "checker-bench: no real card in $folder" >&2; exit 2; }
  for i in $(seq 0 $((CARDS - 1))); do
    mkdir -p "$tmp/cards/$i" && cp "${real[i % ${#real[@]}]}" "$tmp/cards/$i/README.md"
  done
  folder=$tmp/cards
fi
cards=$(find "$folder" -name README.md -type f | wc -l)

# median COLUMN FILE: the median of one column of numbers
median() { cut -d' ' -f"$1" "$2" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

# timed DIR OUT COMMAND...: runs COMMAND in DIR and appends "seconds peak-KB" to OUT
timed() {
  local dir=$1 out=$2; shift 2
  (cd "$dir" && /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>&1) || true
  tail -1 "$tmp/time" >>"$out"
}

# row LABEL DIR OURS PEERS: the checker on OURS, then markdownlint-cli2 on PEERS, in turn; prints the row
row() {
  local label=$1 dir=$2 a=$3 b=$4
  : >"$tmp/a"; : >"$tmp/b"
  for _ in $(seq 0 "$runs"); do
    timed "$dir" "$tmp/a" "${ours[@]}" "$a"
    timed "$dir" "$tmp/b" "$mdl" "$b"
  done
  sed -i 1d "$tmp/a" "$tmp/b"   # the first run of each warms the caches and is not counted
  awk -v l="$label" -v at="$(median 1 "$tmp/a")" -v am="$(median 2 "$tmp/a")" \
    -v bt="$(median 1 "$tmp/b")" -v bm="$(median 2 "$tmp/b")" 'BEGIN {
      printf "| %s | %s s, %d MB | %s s, %d MB | %.3f | %.2f |\n", l, at, am / 1024, bt, bm / 1024, at / bt, am / bm }'
}

echo "checker-bench: $cards cards in $folder; $runs runs each after a warm-up, medians; $(nproc) cores;" \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| figure | modelcard-ls check | markdownlint-cli2 $mdl_version | time ratio | memory ratio |"
echo "| --- | ---: | ---: | ---: | ---: |"
# The checker finds the cards below "."; markdownlint-cli2 is given the same set as a glob.
row "$cards cards" "$folder" . '**/README.md'
row "one card" "$(dirname "$one")" README.md README.md
