#!/usr/bin/env bash
# Every test the project has, on a fresh machine with a JDK 17+ and Node 20: the Java build and tests (which
# make the server jar), the VS Code extension (build, .vsix, unit, protocol and package tests) and the
# end-to-end test in a real headless Neovim, and the checker's HTML report in headless Chromium. Installs what
# they need first: Debian's neovim and chromium packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v chromium >/dev/null || missing+=(chromium)
if (( ${#missing[@]} )); then
  echo "test-all: installing Debian's ${missing[*]} for the end-to-end tests"
  sudo=$([[ $(id -u) == 0 ]] || echo sudo)
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "test-all: server (Maven: build, Java tests, jar)"
./mvnw -B -ntp verify

echo "test-all: VS Code extension (npm: build, .vsix, tests)"
(cd vscode-client && npm ci --no-audit --no-fund && npm run build && npm run package && npm test)

echo "test-all: Neovim end to end"
editors/nvim/test/run.sh server/target/modelcard-ls.jar

echo "test-all: the HTML report in headless Chromium"
(cd scripts/report-test && npm ci --no-audit --no-fund && npm test)

echo "test-all: all passed"
