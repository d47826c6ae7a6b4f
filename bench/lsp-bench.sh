#!/usr/bin/env bash
# The figures of issue 12 in one run, our server beside VS Code's Markdown language server (the fastest peer we
# know), driven by ../shared/tools/lsp-bench (a client on vscode-jsonrpc, the JSON-RPC library VS Code uses):
# spawn -> initialize reply, keystroke -> diagnostics p95 on a 10 KB and a 1 MB card, RSS after the session.
#
#   bench/lsp-bench.sh [ROUNDS] [EDITS_10K] [EDITS_1M]     # default 3 rounds, 100 and 30 edits
#
# The servers take turns, round after round, so that both see the same load; the table gives each figure's
# median over the rounds and our figure as a ratio of the peer's. Our server starts with the java command line
# the VS Code extension runs (the flags of bin/jvm.options and the class-data archive); one start of
# bin/modelcard-ls before the first round records the archive, as any first start does.
# Cards: the harness's synthetic Hugging Face style cards; ours are checked against the BioImage pack (set in
# initializationOptions; its headings overlap that template, so every check has real work).
# Results: target/bench/*.json and target/bench/table.md. Nothing is written beside the project.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${MODELCARD_SHARED:-$repo/../shared}
rounds=${1:-3}
edits10k=${2:-100}
edits1m=${3:-30}
work=$repo/target/bench
harness=$work/harness
jar=$repo/server/target/modelcard-ls.jar

[ -f "$jar" ] || (cd "$repo" && ./mvnw -q -B -DskipTests package)
mkdir -p "$harness" "$work/10k" "$work/1m" "$work/cache"
cp -r "$shared/tools/lsp-bench/." "$harness/"
(cd "$harness" && npm ci --silent --no-audit --no-fund >/dev/null)
[ -d "$harness/peers/node_modules" ] || (cd "$harness/peers" && npm install --silent --no-audit --no-fund >/dev/null)
node "$harness/make-model-card.mjs" --bytes 10000 > "$work/10k/README.md"
node "$harness/make-model-card.mjs" --bytes 1000000 > "$work/1m/README.md"

export XDG_CACHE_HOME=$work/cache MODELCARD_LS_JAR=$jar
peer=(node "$harness/peers/node_modules/.bin/vscode-markdown-language-server" --stdio)
peer_client=(--pull --client-handlers "$harness/peers/vscode-markdown-client.mjs")

# The first start records the class-data archive in the background; wait for it like a user's second start.
"$repo/bin/modelcard-ls" --version >/dev/null
for _ in $(seq 120); do ls "$work/cache/modelcard-ls/"*.lock >/dev/null 2>&1 || break; sleep 1; done
# Then the command line the extension runs: java, the flags of jvm.options (and transparent huge pages where
# Linux offers them), the archive, the jar, --stdio.
archive=$(ls -t "$work/cache/modelcard-ls/"*.jsa "$work/cache/modelcard-ls/"*.aot 2>/dev/null | head -1 || true)
case $archive in
  *.jsa) cds=(-XX:SharedArchiveFile="$archive") ;;
  *.aot) cds=(-XX:AOTCache="$archive") ;;
  *) cds=(); echo "no class-data archive was recorded; measuring without one" >&2 ;;
esac
# shellcheck disable=SC2207 # one flag per line, no spaces inside a flag
flags=($(sed -e 's/#.*//' "$repo/bin/jvm.options"))
if [ -r /sys/kernel/mm/transparent_hugepage/enabled ] \
    && ! grep -q '\[never\]' /sys/kernel/mm/transparent_hugepage/enabled; then
  flags+=(-XX:+UseTransparentHugePages)
fi
ours=("${JAVA_HOME:+$JAVA_HOME/bin/}java" "${flags[@]}" "${cds[@]}" -jar "$jar" --stdio)

run() { # NAME CARD EDITS [lsp-bench options --] COMMAND...
  local name=$1 card=$2 edits=$3; shift 3
  node "$harness/lsp-bench.mjs" --quiet --label "$name" --file "$work/$card/README.md" --edits "$edits" \
    --diag-timeout-ms 60000 --global-timeout-s 1800 --json-out "$work/$name.json" "$@" >/dev/null 2>"$work/$name.log" \
    || { echo "lsp-bench failed for $name (see $work/$name.log)" >&2; exit 1; }
}
init='{"template":"bioimage-io"}'
for r in $(seq "$rounds"); do
  echo "round $r/$rounds" >&2
  run "ours-10k-$r" 10k "$edits10k" --init-options "$init" -- "${ours[@]}"
  run "peer-10k-$r" 10k "$edits10k" "${peer_client[@]}" -- "${peer[@]}"
  run "ours-1m-$r" 1m "$edits1m" --init-options "$init" -- "${ours[@]}"
  run "peer-1m-$r" 1m "$edits1m" "${peer_client[@]}" -- "${peer[@]}"
done
node "$repo/bench/lsp-table.mjs" "$work" "$rounds" | tee "$work/table.md"
