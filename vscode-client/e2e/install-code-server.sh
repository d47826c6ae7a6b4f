#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3's web build; the last release that runs on Node 20) from the npm
# registry into a cache folder, and Debian's chromium for the browser side. Prints the install folder.
# A second run finds the finished install (marked by .complete) and returns at once.
# A plain `npm install -g code-server` fails on npm 11 in its postinstall, so this unpacks the package, installs
# it with npm 10 and rebuilds the native modules against the system Node (about 4 minutes on 2 cores).
# usage: install-code-server.sh [DIR]   (default: ${XDG_CACHE_HOME:-~/.cache}/modelcard-e2e/code-server-4.100.3)
set -euo pipefail
version=4.100.3
dir=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/modelcard-e2e/code-server-$version}
log() { echo "install-code-server: $*" >&2; }

# Debian packages: the browser, ripgrep (VS Code's search; its npm package downloads from GitHub), the Kerberos
# headers and a C++ tool chain for the native modules, a font for readable screenshots.
need=()
for p in chromium ripgrep libkrb5-dev fonts-dejavu-core g++ make python3; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if ((${#need[@]})); then
  log "installing Debian packages: ${need[*]}"
  sudo=$([[ $(id -u) == 0 ]] || echo sudo)
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [[ -f $dir/.complete ]]; then
  echo "$dir"
  exit 0
fi
log "installing code-server $version into $dir (a few minutes, once)"
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
npm pack --silent "code-server@$version" >/dev/null
mkdir x && tar xzf "code-server-$version.tgz" -C x && mv x/package code-server && rmdir x && rm "code-server-$version.tgz"

# node-gyp builds against the running Node's headers when they are installed beside it (Debian's nodejs and the
# official tarballs both have include/node), so nothing is downloaded.
node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[[ -f $node_prefix/include/node/node.h ]] && export npm_config_nodedir=$node_prefix
npm10() { npx -y npm@10 "$@" --no-audit --no-fund --loglevel=error; }
(cd code-server && npm10 install --omit=dev --ignore-scripts && npm10 rebuild argon2) >&2
cd code-server/lib/vscode
npm10 install --omit=dev --ignore-scripts >&2
npm10 rebuild @vscode/spdlog node-pty native-watchdog kerberos @vscode/deviceid >&2
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server) && (cd bin/helpers && ln -sf browser-linux.sh browser.sh)

touch "$dir/.complete"
log "done"
echo "$dir"
