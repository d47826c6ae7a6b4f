#!/usr/bin/env bash
# Keeps docs/editors/ honest: neovim.md must embed editors/nvim/modelcard.lua
# verbatim (the file the e2e test loads), and the TOML/JSON snippets must parse.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
docs=$repo/docs/editors lua=$repo/editors/nvim/modelcard.lua
begin='<!-- BEGIN editors/nvim/modelcard.lua -->' end='<!-- END editors/nvim/modelcard.lua -->'

[[ $(grep -cxF "$begin" "$docs/neovim.md") == 1 && $(grep -cxF "$end" "$docs/neovim.md") == 1 ]] ||
  { echo "test-docs: neovim.md needs exactly one '$begin' ... '$end' pair" >&2; exit 1; }
embedded=$(awk -v b="$begin" -v e="$end" '$0 == e { on = 0 } on { print } $0 == b { on = 1 }' "$docs/neovim.md" |
  sed -e '1{/^```lua$/d;}' -e '${/^```$/d;}')
diff -u --label "docs/editors/neovim.md (embedded)" --label editors/nvim/modelcard.lua \
  <(printf '%s\n' "$embedded") "$lua" >&2 ||
  { echo "test-docs: docs/editors/neovim.md drifted from editors/nvim/modelcard.lua; paste the file between the markers" >&2; exit 1; }

# Fenced ```toml and ```json blocks: parse each one (python3 3.11+ has tomllib).
if python3 -c 'import tomllib' 2>/dev/null; then
  python3 - "$docs"/*.md <<'PY'
import json, re, sys, tomllib
bad = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for lang, body in re.findall(r"^```(toml|json)\n(.*?)^```$", text, re.S | re.M):
        try:
            tomllib.loads(body) if lang == "toml" else json.loads(body)
        except Exception as e:
            bad += 1
            print(f"test-docs: {path}: bad {lang} block: {e}\n{body}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
else
  echo "test-docs: python3 3.11+ not found, TOML/JSON snippets not parsed" >&2
fi
echo "test-docs: docs/editors/neovim.md embeds editors/nvim/modelcard.lua verbatim; snippets parse"
