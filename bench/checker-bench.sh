#!/usr/bin/env bash
# The checker against markdownlint-cli2 (0.24.x, the most used Markdown linter's CLI) on the same cards: the
# whole folder, then one card as a pre-commit hook runs it. Each command runs RUNS times (default 5) after one
# warm-up; the median wall time and peak resident memory (GNU time's accounting) are printed with the ratios.
#
#   bench/checker-bench.sh [FOLDER]      # default: ../shared/corpus-hf beside the repository (2,000 Hub cards)
#
# Both tools read every README.md below FOLDER. The checker detects each card's template as users run it: Hub
# cards are Hugging Face cards (metadata, leftovers and, for the template's layouts, sections).
# markdownlint-cli2 is installed into a temporary folder; nothing is written beside the project.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
folder=$(cd "${1:-${MODELCARD_SHARED:-$repo/../shared}/corpus-hf}" && pwd)
runs=${RUNS:-5}
jar=$repo/server/target/modelcard-ls.jar
jvm=(${MODELCARD_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1})

[ -f "$jar" ] || (cd "$repo" && ./mvnw -q -B -DskipTests package)
[ -x /usr/bin/time ] || { echo "checker-bench: needs GNU time (Debian's time package)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tmp/mdl" markdownlint-cli2@0.24 >/dev/null
mdl=$tmp/mdl/node_modules/.bin/markdownlint-cli2
mdl_version=$(node -p "require('$tmp/mdl/node_modules/markdownlint-cli2/package.json').version")
# One ordinary card: the first over 4 KB (the smallest Hub cards are a line or two).
one=$(find "$folder" -name README.md -type f -size +4k | sort | head -1)
one=${one:-$(find "$folder" -name README.md -type f | sort | head -1)}
cards=$(find "$folder" -name README.md -type f | wc -l)

# median COLUMN FILE: the median of one column of numbers
median() { cut -d' ' -f"$1" "$2" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

# measure DIR COMMAND...: prints "median-seconds median-peak-MB"
measure() {
  local dir=$1; shift
  : >"$tmp/runs"
  for i in $(seq 0 "$runs"); do
    (cd "$dir" && /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>&1) || true
    [ "$i" = 0 ] || tail -1 "$tmp/time" >>"$tmp/runs"   # the first run warms the caches and is not counted
  done
  echo "$(median 1 "$tmp/runs") $(( $(median 2 "$tmp/runs") / 1024 ))"
}

# row LABEL "A-seconds A-MB" "B-seconds B-MB"
row() {
  local at am bt bm
  read -r at am <<<"$2"
  read -r bt bm <<<"$3"
  awk -v l="$1" -v at="$at" -v am="$am" -v bt="$bt" -v bm="$bm" \
    'BEGIN { printf "| %s | %s s, %s MB | %s s, %s MB | %.2f | %.2f |\n", l, at, am, bt, bm, at / bt, am / bm }'
}

echo "checker-bench: $cards cards in $folder; $runs runs each after a warm-up, medians; $(nproc) cores"
echo "| figure | modelcard-ls check | markdownlint-cli2 $mdl_version | time ratio | memory ratio |"
echo "| --- | ---: | ---: | ---: | ---: |"
row "$cards cards" \
  "$(measure "$folder" java "${jvm[@]}" -jar "$jar" check --fail-on never .)" \
  "$(measure "$folder" "$mdl" '**/README.md')"
row "one card" \
  "$(measure "$(dirname "$one")" java "${jvm[@]}" -jar "$jar" check --fail-on never README.md)" \
  "$(measure "$(dirname "$one")" "$mdl" README.md)"
