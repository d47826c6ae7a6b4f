#!/usr/bin/env bash
# Checks the init.lua snippets of docs/editors/neovim.md marked `<!-- snippet: needs nvim X.Y -->` against the
# Neovim installed here: on X.Y or newer, the snippet as written must attach modelcard-ls to a card and get its
# diagnostics; on an older Neovim it must fail as the page says it does (so the stated version is right).
# usage: editors/nvim/test/snippets.sh [JAR]   Exit status: 0 pass, 1 a check failed, 2 cannot run.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
jar=${1:-$repo/server/target/modelcard-ls.jar}
command -v nvim >/dev/null || { echo "nvim not found" >&2; exit 2; }
[[ -f $jar ]] || { echo "jar not found: $jar" >&2; exit 2; }
have=$(nvim --version | sed -n '1s/^NVIM v\([0-9]*\.[0-9]*\).*/\1/p')

tmp=$(realpath "$(mktemp -d)")
trap 'rm -rf "$tmp"' EXIT
# The snippets use ~/.local/share/modelcard-ls/modelcard-ls.jar: HOME is a throw-away folder holding it.
mkdir -p "$tmp/home/.local/share/modelcard-ls" "$tmp/proj/.git"
cp "$jar" "$tmp/home/.local/share/modelcard-ls/modelcard-ls.jar"
cp "$repo/examples/czi-draft/README.md" "$tmp/proj/README.md"
# The buffer's diagnostics within WAIT_MS, printed as "DIAGNOSTICS n"; the snippet's own errors end up in stderr.
cat >"$tmp/wait.lua" <<'LUA'
vim.wait(tonumber(os.getenv('WAIT_MS')), function() return #vim.diagnostic.get(0) >= 8 end, 100)
io.stdout:write('DIAGNOSTICS ', #vim.diagnostic.get(0), '\n')
vim.cmd('qall!')
LUA

failed=0 n=0
while IFS= read -r need; do
  n=$((n + 1))
  awk -v k="$n" '/^<!-- snippet: needs nvim / { c++; if (c == k) { on = 1; next } }
    on && /^```lua$/ { inblock = 1; next } on && inblock && /^```$/ { exit } on && inblock { print }' \
    "$repo/docs/editors/neovim.md" >"$tmp/init.lua"
  works=$(printf '%s\n%s\n' "$need" "$have" | sort -V -C && echo 1 || true)   # need <= have
  out=$(cd "$tmp/proj" && WAIT_MS=$([[ -n $works ]] && echo 30000 || echo 2000) HOME=$tmp/home XDG_CONFIG_HOME=$tmp/xdg/config XDG_STATE_HOME=$tmp/xdg/state \
    XDG_CACHE_HOME=$tmp/xdg/cache XDG_DATA_HOME=$tmp/xdg/data timeout 60 nvim --headless -n -u "$tmp/init.lua" \
    -c "luafile $tmp/wait.lua" README.md </dev/null 2>&1) || true
  if [[ -n $works ]]; then
    if grep -q '^DIAGNOSTICS 8' <<<"$out"; then
      echo "ok - snippet $n (needs $need) gets the 8 diagnostics on Neovim $have"
    else
      echo "not ok - snippet $n (needs $need) on Neovim $have: $out"; failed=1
    fi
  elif grep -q "attempt to index field 'fs'\|attempt to call field 'config'\|attempt to index field 'config'\|attempt to call field 'start'" <<<"$out" &&
       ! grep -q '^DIAGNOSTICS [1-9]' <<<"$out"; then
    echo "ok - snippet $n (needs $need) fails on Neovim $have as the page says: $(grep -o "attempt to [a-z]* field '[a-z]*'" <<<"$out" | head -1)"
  else
    echo "not ok - snippet $n (needs $need) on Neovim $have: expected it to fail, got: $out"; failed=1
  fi
done < <(sed -n 's/^<!-- snippet: needs nvim \([0-9.]*\) -->$/\1/p' "$repo/docs/editors/neovim.md")
((n > 0)) || { echo "not ok - no snippet markers in docs/editors/neovim.md"; exit 1; }
exit "$failed"
