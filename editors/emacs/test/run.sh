#!/usr/bin/env bash
# End-to-end test: Emacs (batch mode) with Eglot loads editors/emacs/init.el, the init.el that
# docs/editors/emacs.md shows, and checks the diagnostics, a quick fix and hover on a copy of
# examples/czi-draft/README.md (see e2e.el). HOME is a throw-away folder holding the jar where init.el expects it.
# usage: editors/emacs/test/run.sh [JAR]   (default: server/target/modelcard-ls.jar)
# Needs Debian's emacs-nox, elpa-eglot and elpa-markdown-mode. Exit status: 0 pass, 1 a check failed,
# 2 cannot run, 124 timed out.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
jar=${1:-$repo/server/target/modelcard-ls.jar}
command -v emacs >/dev/null || { echo "emacs not found: apt-get install -y emacs-nox elpa-eglot elpa-markdown-mode" >&2; exit 2; }
[[ -f $jar ]] || { echo "jar not found: $jar (build it with ./mvnw -q -B -DskipTests package)" >&2; exit 2; }

"$repo/editors/test-docs.sh"

tmp=$(realpath "$(mktemp -d)")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home/.local/share/modelcard-ls" "$tmp/proj/.git" "$tmp/proj/cards"
# Installed as docs/editors/emacs.md says: the jar, the launcher and its flags side by side.
cp "$jar" "$tmp/home/.local/share/modelcard-ls/modelcard-ls.jar"
cp "$repo/bin/modelcard-ls" "$repo/bin/jvm.options" "$tmp/home/.local/share/modelcard-ls/"
cp "$repo/examples/czi-draft/README.md" "$tmp/proj/cards/README.md"

status=0
HOME=$tmp/home E2E_REPO=$repo E2E_CARD=$tmp/proj/cards/README.md \
  timeout --kill-after=5 "${E2E_TIMEOUT_S:-120}" emacs --batch -l "$here/e2e.el" </dev/null 2>"$tmp/stderr" || status=$?
if ((status)); then
  echo "emacs stderr:" >&2
  tail -30 "$tmp/stderr" >&2
  [[ $status == 124 || $status == 137 ]] && echo "FAIL: timed out" >&2
fi
exit "$status"
