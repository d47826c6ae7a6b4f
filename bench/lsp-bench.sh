#!/usr/bin/env bash
# Measures the server as an editor drives it, with ../shared/tools/lsp-bench (a client on vscode-jsonrpc,
# the JSON-RPC library VS Code uses): cold start, first diagnostics, edit -> diagnostics latency, memory.
# The harness is copied into target/bench so that nothing is written beside the project.
#
#   bench/lsp-bench.sh [EDITS]          # default 200 edits per card size
#
# Cards: the harness's synthetic Hugging Face style cards of 10 KB and 1 MB, checked against the BioImage
# pack (set in initializationOptions; its headings overlap that template, so every check has real work).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${MODELCARD_SHARED:-$repo/../shared}
edits=${1:-200}
work=$repo/target/bench
jar=$repo/server/target/modelcard-ls.jar

[ -f "$jar" ] || (cd "$repo" && ./mvnw -q -B -DskipTests package)
mkdir -p "$work/harness" "$work/10k" "$work/1m"
cp -r "$shared/tools/lsp-bench/." "$work/harness/"
(cd "$work/harness" && npm ci --silent --no-audit --no-fund >/dev/null)
node "$work/harness/make-model-card.mjs" --bytes 10000 > "$work/10k/README.md"
node "$work/harness/make-model-card.mjs" --bytes 1000000 > "$work/1m/README.md"

# The JVM flags the editor set-ups in README.md recommend: a small heap and the serial collector keep the
# resident size near the npm servers' without costing latency.
jvm=(${MODELCARD_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx1g})
for size in 10k 1m; do
  node "$work/harness/lsp-bench.mjs" --quiet --file "$work/$size/README.md" \
    --init-options '{"template":"bioimage-io"}' --edits "$edits" --completions 20 \
    --json-out "$work/$size.json" -- java "${jvm[@]}" -jar "$jar" >/dev/null
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const t = r.timings, e = t.edits.latencyMs, m = r.memory;
    const ok = r.checks.filter(c => c.ok).length;
    console.log(`${process.argv[2].padEnd(4)} initialize ${t.initializeMs.toFixed(0)} ms | first diagnostics ` +
      `${t.firstDiagnosticsMs.toFixed(0)} ms (${t.firstDiagnosticsCount}) | edit->diagnostics p50 ` +
      `${e.p50.toFixed(1)} ms p95 ${e.p95.toFixed(1)} ms (n=${e.n}) | RSS ${m.root.vmRssMB} MB (peak ${m.tree.sampledPeakRssMB}) | CPU ${m.cpuSeconds} s | ` +
      `exit ${r.exit?.code} | checks ${ok}/${r.checks.length}`);
  ' "$work/$size.json" "$size"
done
