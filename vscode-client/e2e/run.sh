#!/usr/bin/env bash
# End-to-end test of the extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3's web build) with the
# freshly built .vsix installed, driven by puppeteer-core in Debian's headless chromium. Opens a workspace with one
# draft card per template and a README that is not a card, and asserts what a user sees (see drive.mjs).
# usage: vscode-client/e2e/run.sh [--shots DIR] [VSIX] [NAME=CARD.md ...]
#   VSIX      default: the newest vscode-client/*.vsix (npm run package)
#   NAME=CARD copied to WORKSPACE/NAME/README.md; default: the drafts of examples/ (and a Hugging Face draft when
#             rules/huggingface.yaml exists: examples/huggingface-draft) and examples/plain-readme
#   --shots   where the screenshots go (default vscode-client/e2e/out/shots; docs/images refreshes the README's)
# Installs code-server once into ~/.cache/modelcard-e2e (see install-code-server.sh), chromium with apt-get.
# Exit status: 0 pass, 1 a check failed, 2 cannot run.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
shots=$here/out/shots vsix='' cards=()
while (($#)); do
  case $1 in
    --shots) shots=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    *=*) cards+=("$1"); shift ;;
    *) vsix=$1; shift ;;
  esac
done
[[ -n $vsix ]] || vsix=$(ls -t "$repo"/vscode-client/*.vsix 2>/dev/null | head -1)
jar=$repo/server/target/modelcard-ls.jar
[[ -f $vsix ]] || { echo "e2e: no .vsix: build it with (cd vscode-client && npm run build && npm run package)" >&2; exit 2; }
[[ -f $jar ]] || { echo "e2e: no $jar: build it with ./mvnw -q -B -DskipTests package" >&2; exit 2; }
if ((${#cards[@]} == 0)); then
  cards=(czi=examples/czi-draft/README.md bioimage=examples/bioimage-draft/README.md)
  [[ -f $repo/rules/huggingface.yaml ]] && cards+=(huggingface=examples/huggingface-draft/README.md)
  cards+=(plain=examples/plain-readme/README.md)
fi

t0=$SECONDS
cs=$("$here/install-code-server.sh")
[[ -d $here/node_modules/puppeteer-core ]] || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
echo "e2e: code-server and puppeteer-core ready after $((SECONDS - t0)) s"

tmp=$(realpath "$(mktemp -d)")
server_pid=''
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
ws=$tmp/model-cards
mkdir -p "$ws" "$tmp/user-data/User" "$shots"
for c in "${cards[@]}"; do
  mkdir -p "$ws/${c%%=*}" && cp "$repo/${c#*=}" "$ws/${c%%=*}/README.md"
done
# A quiet, predictable workbench: no welcome page or tips, no word wrap (a line is one row), fast hovers.
cat >"$tmp/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "editor.hover.delay": 200,
  "editor.minimap.enabled": false,
  "[markdown]": { "editor.wordWrap": "off", "editor.quickSuggestions": { "other": "on" } },
  "chat.commandCenter.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden"
}
JSON
entry=$cs/code-server/out/node/entry.js
common=(--user-data-dir "$tmp/user-data" --extensions-dir "$tmp/extensions")
node "$entry" "${common[@]}" --install-extension "$vsix" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; echo "e2e: cannot install $vsix into code-server" >&2; exit 2; }

# What the engine says about each card: the driver expects the editor to show exactly this.
java -jar "$jar" check --format json --fail-on never "$ws" >"$tmp/expected.json"

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
XDG_CONFIG_HOME=$tmp/config node "$entry" "${common[@]}" --auth none --bind-addr "127.0.0.1:$port" \
  --disable-telemetry --disable-workspace-trust --disable-update-check --disable-getting-started-override \
  "$ws" >"$tmp/code-server.log" 2>&1 &
server_pid=$!

t1=$SECONDS
status=0
E2E_URL="http://127.0.0.1:$port/?folder=$ws" E2E_WORKSPACE=$ws E2E_EXPECTED=$tmp/expected.json E2E_SHOTS=$shots \
  E2E_JAR=$jar E2E_REPO=$repo node "$here/drive.mjs" "${cards[@]%%=*}" || status=$?
echo "e2e: browser session took $((SECONDS - t1)) s; screenshots in $shots"
if ((status)); then
  echo "e2e: code-server log (last 40 lines):" >&2
  tail -40 "$tmp/code-server.log" >&2
fi
exit "$status"
