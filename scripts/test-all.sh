#!/usr/bin/env bash
# Every test the project has, on a fresh machine with a JDK 17+ and Node 20: the Java build and tests (which
# make the server jar), the launcher's starts (scripts/launcher-test.sh), the VS Code extension (build, .vsix,
# unit, protocol and package tests), the end-to-end tests in real editors (headless Neovim, Emacs with Eglot, VS
# Code as code-server in headless Chromium) and the checker's HTML report in headless Chromium. Installs what
# they need first: Debian's neovim, emacs-nox, elpa-eglot, elpa-markdown-mode and chromium here; code-server
# (once, cached in ~/.cache/modelcard-e2e) by vscode-client/e2e/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v nvim >/dev/null || need+=(neovim)
command -v chromium >/dev/null || need+=(chromium)
for p in emacs-nox elpa-eglot elpa-markdown-mode; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if ((${#need[@]})); then
  echo "test-all: installing Debian packages for the end-to-end tests: ${need[*]}"
  sudo=$([[ $(id -u) == 0 ]] || echo sudo)
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "test-all: server (Maven: build, Java tests, jar)"
./mvnw -B -ntp verify

echo "test-all: the launcher (bin/modelcard-ls)"
scripts/launcher-test.sh

echo "test-all: VS Code extension (npm: build, .vsix, tests)"
(cd vscode-client && npm ci --no-audit --no-fund && npm run build && npm run package && npm test)

echo "test-all: Neovim end to end"
editors/nvim/test/run.sh server/target/modelcard-ls.jar
editors/nvim/test/snippets.sh server/target/modelcard-ls.jar

echo "test-all: Emacs (Eglot) end to end"
editors/emacs/test/run.sh server/target/modelcard-ls.jar

echo "test-all: VS Code end to end (code-server and Chromium; the first run installs code-server, ~6 min)"
vscode-client/e2e/run.sh

echo "test-all: the HTML report in headless Chromium"
(cd scripts/report-test && npm ci --no-audit --no-fund && npm test)

echo "test-all: all passed"
