#!/usr/bin/env bash
# Every test the project has, on a fresh machine with a JDK 17+ and Node 20: the Java build and tests (which
# make the server jar), the VS Code extension (build, .vsix, unit, protocol and package tests) and the
# end-to-end test in a real headless Neovim. Installs what they need first: Debian's neovim package.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v nvim >/dev/null; then
  echo "test-all: installing Debian's neovim package for the editor end-to-end test"
  sudo=$([[ $(id -u) == 0 ]] || echo sudo)
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi

echo "test-all: server (Maven: build, Java tests, jar)"
./mvnw -B -ntp verify

echo "test-all: VS Code extension (npm: build, .vsix, tests)"
(cd vscode-client && npm ci --no-audit --no-fund && npm run build && npm run package && npm test)

echo "test-all: Neovim end to end"
editors/nvim/test/run.sh server/target/modelcard-ls.jar

echo "test-all: all passed"
