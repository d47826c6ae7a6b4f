#!/usr/bin/env bash
# End-to-end test: a real headless Neovim loads editors/nvim/modelcard.lua (the
# documented set-up), opens a copy of examples/czi-draft/README.md, checks the
# diagnostics, applies the Training Procedure quick fix and shuts the server down.
# usage: editors/nvim/test/run.sh [JAR]   (default: server/target/modelcard-ls.jar)
# Exit status: 0 pass, 1 a check failed, 2 cannot run, 124 timed out.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
jar=${1:-$repo/server/target/modelcard-ls.jar}
timeout_s=${E2E_TIMEOUT_S:-120}

command -v nvim >/dev/null || { echo "nvim not found: install Debian's neovim package (apt-get install -y neovim)" >&2; exit 2; }
[[ -f $jar ]] || { echo "jar not found: $jar (build it with ./mvnw -q -B -DskipTests package)" >&2; exit 2; }

"$repo/editors/test-docs.sh"

# A throw-away project: .git marks the root, the card sits one folder down.
tmp=$(realpath "$(mktemp -d)")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/proj/.git" "$tmp/proj/cards"
cp "$repo/examples/czi-draft/README.md" "$tmp/proj/cards/README.md"
printf '# Notes\n' >"$tmp/proj/notes.md"
printf '# Scratch card\n' >"$tmp/proj/other.modelcard.md"

# XDG_* keep Neovim's LSP log and state out of the user's home.
export E2E_REPO=$repo E2E_PROJ=$tmp/proj MODELCARD_LS_JAR
MODELCARD_LS_JAR=$(realpath "$jar")
export XDG_CACHE_HOME=$tmp/xdg/cache XDG_STATE_HOME=$tmp/xdg/state XDG_DATA_HOME=$tmp/xdg/data XDG_CONFIG_HOME=$tmp/xdg/config

status=0
timeout --kill-after=5 "$timeout_s" nvim --headless --clean -n \
  -c "lua dofile(os.getenv('E2E_REPO') .. '/editors/nvim/test/e2e.lua')" </dev/null || status=$?
if [[ $status == 124 || $status == 137 ]]; then echo "FAIL: timed out after ${timeout_s} s" >&2; fi
exit "$status"
